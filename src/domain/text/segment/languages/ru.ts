import type { LanguageData } from './types'

// Russian: "г." is both "год" (after a number) and "город" (before a name); after a year it ends a
// sentence before a capital ("…в мае 2025 г. Он…"), before a name it never does ("г. Москва").
// Street and place abbreviations come before names; units after numbers end a sentence like the year.
export const ru: LanguageData = {
  titles: 'г-н г-жа проф акад доц тов гр св им ул пр просп пл пер наб ш пгт пос дер с д кв корп стр ген полк адм',
  abbreviations:
    'т.е т.д т.п т.к т.н т.о т.ч н.э куб.м кв.м у.е см ср напр т тыс млн млрд трлн руб коп долл дол евро куб кв мин сек ч рис табл гл п пп вып изд ред англ нем франц лат греч др род ок вв в прим сокр тел проч ст руб р-н',
  neverEnd: 'г гг вв т.е т.к напр см ср ок',
  afterNumber: 'тыс млн млрд трлн руб коп долл дол евро м км см мм кг т га с мин сек ч',
  years: 'г гг в вв ст',
  listEnds: 'т.д т.п др проч обл',
  starters:
    'В Во На По С Со У К О Об Из За Для При После До Но А И Это Этот Эта Эти Он Она Они Оно Мы Я Вы Как Что Когда Также Однако Тогда Так Там Здесь Сейчас Сегодня Вчера Его Ее Её Их Кроме Между Согласно Ранее Позже Всего',
}
