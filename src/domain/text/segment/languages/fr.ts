import type { LanguageData } from './types'

// French: "M." is "Monsieur" before a name; months and weekdays are abbreviated in datelines.
export const fr: LanguageData = {
  titles: 'M MM Mme Mmes Mlle Mlles Me Mgr Dr Pr St Ste Sts',
  abbreviations:
    'av apr bd boul cf chap coll dir éd env etc ex fig hab ill janv févr fév avr juil sept oct nov déc lun mar mer jeu ven sam dim n no nos p pp qqn qqch réf s sq sqq tél trad vol vs cie min max art al éds id ibid op cit resp suiv j.-c av.-j.-c apr.-j.-c',
  neverEnd: 'cf p.ex c.-à-d',
  starters:
    "Le La Les L Un Une Des Il Elle Ils Elles On Nous Vous Je Ce Cette Ces C'est Mais Et Or Donc Selon En Dans Pour Après Avant Depuis Lors Alors Pourtant Cependant Toutefois Ainsi Au Aux Du De Sur Par",
}
