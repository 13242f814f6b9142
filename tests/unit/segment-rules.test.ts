import { describe, expect, it } from 'vitest'
import { splitSentences } from '../../src/shared/text/segment'

const split = (text: string, language?: string): string[] => splitSentences(text, language).map((s) => text.slice(s.start, s.end))

type Case = [rule: string, input: string, expected: string[]]

// News-style cases written for Factdesk, one or more per rule and language.
const CASES: Record<string, Case[]> = {
  en: [
    [
      'titles never end a sentence',
      'Sen. Maria Cantwell said the bill passed. Dr. Lee disagreed.',
      ['Sen. Maria Cantwell said the bill passed.', 'Dr. Lee disagreed.'],
    ],
    [
      'company abbreviation before a sentence opener',
      'The deal was signed by Acme Inc. The shares rose.',
      ['The deal was signed by Acme Inc.', 'The shares rose.'],
    ],
    [
      'multi-period abbreviations',
      'The U.S. Army denied the report. It was first published in the U.K. Officials declined to comment.',
      ['The U.S. Army denied the report.', 'It was first published in the U.K.', 'Officials declined to comment.'],
    ],
    [
      'e.g. and i.e. never end a sentence',
      'Staples, e.g. bread and milk, cost more, i.e. 4% more.',
      ['Staples, e.g. bread and milk, cost more, i.e. 4% more.'],
    ],
    ['initials', 'The report by J. R. Smith was leaked on Monday.', ['The report by J. R. Smith was leaked on Monday.']],
    [
      'decimals and money',
      'The fund lost $1.5 billion. Its value fell 3.2% in May.',
      ['The fund lost $1.5 billion.', 'Its value fell 3.2% in May.'],
    ],
    ['times ending a sentence', 'Polls closed at 8 p.m. Counting began at once.', ['Polls closed at 8 p.m.', 'Counting began at once.']],
    ['times opening a sentence', 'At 6 a.m. Mr. Jones left the office.', ['At 6 a.m. Mr. Jones left the office.']],
    [
      'versions',
      'The app was updated to version 2.4.1 on Friday. Users reported errors.',
      ['The app was updated to version 2.4.1 on Friday.', 'Users reported errors.'],
    ],
    [
      'URLs and e-mail addresses',
      'Details are at https://example.org/report.v2.pdf. Send tips to news.desk@example.org. We read them all.',
      ['Details are at https://example.org/report.v2.pdf.', 'Send tips to news.desk@example.org.', 'We read them all.'],
    ],
    ['ellipsis before a new sentence', 'The minister paused... Then he resigned.', ['The minister paused...', 'Then he resigned.']],
    ['ellipsis inside a sentence', 'He said the plan was ... unworkable.', ['He said the plan was ... unworkable.']],
    [
      'straight quotes',
      '"We will rebuild," the mayor said. "The work starts now."',
      ['"We will rebuild," the mayor said.', '"The work starts now."'],
    ],
    [
      'curly quotes close the sentence',
      'She said: “The figures are wrong.” The ministry disagreed.',
      ['She said: “The figures are wrong.”', 'The ministry disagreed.'],
    ],
    [
      'a quotation of several sentences stays whole',
      '“We tried. We failed,” the coach admitted.',
      ['“We tried. We failed,” the coach admitted.'],
    ],
    [
      'a parenthesis inside a sentence',
      'The law passed (the vote was 51-49). Critics vowed to appeal.',
      ['The law passed (the vote was 51-49).', 'Critics vowed to appeal.'],
    ],
    [
      'a parenthesised whole sentence',
      'The law passed. (The vote was close.) Critics vowed to appeal.',
      ['The law passed.', '(The vote was close.)', 'Critics vowed to appeal.'],
    ],
    [
      'headings and list items on their own lines',
      'Key facts\nUnemployment fell.\n- Prices rose 2%\n- Wages rose 3%',
      ['Key facts', 'Unemployment fell.', '- Prices rose 2%', '- Wages rose 3%'],
    ],
    ['numbered list items', '1. Cut taxes. 2. Raise wages.', ['1. Cut taxes.', '2. Raise wages.']],
    [
      'datelines',
      'KYIV, Ukraine (AP) — Russia launched 40 drones overnight, officials said.',
      ['KYIV, Ukraine (AP) —', 'Russia launched 40 drones overnight, officials said.'],
    ],
    [
      'hard-wrapped lines join',
      'The committee published its findings on Thursday after a two-year inquiry into\nthe collapse of the bank. Nobody was charged.',
      ['The committee published its findings on Thursday after a two-year inquiry into\nthe collapse of the bank.', 'Nobody was charged.'],
    ],
    ['question and exclamation marks', 'Who paid? Nobody knows! The audit is late.', ['Who paid?', 'Nobody knows!', 'The audit is late.']],
    [
      'footnotes stay with their sentence',
      'The treaty was signed in 1994.[3] It expired in 2019.',
      ['The treaty was signed in 1994.[3]', 'It expired in 2019.'],
    ],
  ],
  uk: [
    [
      '"т.зв." inside a sentence',
      'Про це повідомив т.зв. речник відомства. Він не назвав імен.',
      ['Про це повідомив т.зв. речник відомства.', 'Він не назвав імен.'],
    ],
    ['"р." after a year never ends a sentence', 'У 2014 р. Росія анексувала Крим.', ['У 2014 р. Росія анексувала Крим.']],
    [
      'street and city before names',
      'Мітинг відбувся на вул. Хрещатик у м. Київ. Поліція затримала 5 осіб.',
      ['Мітинг відбувся на вул. Хрещатик у м. Київ.', 'Поліція затримала 5 осіб.'],
    ],
    ['"млн." before a sentence opener', 'Збитки сягнули 5 млн. В уряді це визнали.', ['Збитки сягнули 5 млн.', 'В уряді це визнали.']],
    ['"тис." before a unit', 'Допомога становить 1,5 тис. грн на особу.', ['Допомога становить 1,5 тис. грн на особу.']],
    ['decimals with a comma', 'Зарплата зросла на 12,5%. Ціни також зросли.', ['Зарплата зросла на 12,5%.', 'Ціни також зросли.']],
    ['initials', 'Заяву підписав О. В. Шевченко, голова комісії.', ['Заяву підписав О. В. Шевченко, голова комісії.']],
    [
      '«» quotes keep their full stops',
      '«Ми не відступимо. Жодного кроку назад», — сказав генерал.',
      ['«Ми не відступимо. Жодного кроку назад», — сказав генерал.'],
    ],
    [
      '„“ quotes close the sentence',
      'Він сказав: „Ситуація під контролем.“ Потім пішов.',
      ['Він сказав: „Ситуація під контролем.“', 'Потім пішов.'],
    ],
    ['"ім." before a name', 'Виставка триває в музеї ім. Шевченка.', ['Виставка триває в музеї ім. Шевченка.']],
  ],
  ru: [
    [
      '"т.н." inside a sentence',
      'Об этом сообщил т.н. источник в ведомстве. Он не назвал имен.',
      ['Об этом сообщил т.н. источник в ведомстве.', 'Он не назвал имен.'],
    ],
    ['"г." after a year never ends a sentence', 'В 2014 г. Россия аннексировала Крым.', ['В 2014 г. Россия аннексировала Крым.']],
    [
      'street and city before names',
      'Митинг прошёл на ул. Тверская в г. Москва. Полиция задержала 5 человек.',
      ['Митинг прошёл на ул. Тверская в г. Москва.', 'Полиция задержала 5 человек.'],
    ],
    ['"млн." before a unit', 'Ущерб составил 5 млн. руб., сообщили в полиции.', ['Ущерб составил 5 млн. руб., сообщили в полиции.']],
    [
      '"т.е." inside a sentence',
      'Как сообщает ТАСС, т.е. госагентство, сделка закрыта.',
      ['Как сообщает ТАСС, т.е. госагентство, сделка закрыта.'],
    ],
    ['initials', 'Письмо подписал А. И. Петров. Он подтвердил это.', ['Письмо подписал А. И. Петров.', 'Он подтвердил это.']],
    [
      '«» quotes keep their full stops',
      '«Мы не отступим. Ни шагу назад», — заявил генерал.',
      ['«Мы не отступим. Ни шагу назад», — заявил генерал.'],
    ],
    ['decimals with a comma', 'Цены выросли на 3,5%. Зарплаты — нет.', ['Цены выросли на 3,5%.', 'Зарплаты — нет.']],
  ],
  de: [
    [
      '"z. B." in two parts',
      'Die Regierung, z. B. das Finanzministerium, widersprach. Der Bericht bleibt.',
      ['Die Regierung, z. B. das Finanzministerium, widersprach.', 'Der Bericht bleibt.'],
    ],
    ['ordinals before months', 'Am 23. Mai stimmte der Bundestag ab.', ['Am 23. Mai stimmte der Bundestag ab.']],
    ['ordinals before nouns', 'Der 2. Weltkrieg endete 1945.', ['Der 2. Weltkrieg endete 1945.']],
    [
      'decimals with a comma',
      'Die Inflation lag bei 2,5 Prozent. Das teilte das Amt mit.',
      ['Die Inflation lag bei 2,5 Prozent.', 'Das teilte das Amt mit.'],
    ],
    [
      '„“ quotes close the sentence',
      'Frau Dr. Müller sagte: „Wir prüfen das.“ Eine Entscheidung fiel nicht.',
      ['Frau Dr. Müller sagte: „Wir prüfen das.“', 'Eine Entscheidung fiel nicht.'],
    ],
    ['"u. a." inside a sentence', 'Es gab u. a. Proteste in Berlin.', ['Es gab u. a. Proteste in Berlin.']],
    ['street abbreviation before a number', 'Er wohnt in der Berliner Str. 5 in Bremen.', ['Er wohnt in der Berliner Str. 5 in Bremen.']],
  ],
  fr: [
    ['"M." before a name', 'M. Dupont a démissionné. Le ministre l’a confirmé.', ['M. Dupont a démissionné.', 'Le ministre l’a confirmé.']],
    [
      'decimals with a comma',
      'Selon l’Insee, le chômage est de 7,3 %. C’est un record.',
      ['Selon l’Insee, le chômage est de 7,3 %.', 'C’est un record.'],
    ],
    [
      '"cf." inside a sentence',
      'Le texte, cf. l’article 4, a été voté. Les députés ont applaudi.',
      ['Le texte, cf. l’article 4, a été voté.', 'Les députés ont applaudi.'],
    ],
    [
      '« » quotes keep their full stops',
      '« Nous ne reculerons pas. Jamais », a déclaré la ministre.',
      ['« Nous ne reculerons pas. Jamais », a déclaré la ministre.'],
    ],
    ['"Mme" and "M."', 'Mme Martin et M. Durand étaient présents.', ['Mme Martin et M. Durand étaient présents.']],
  ],
  es: [
    [
      '"Sr." and "Sra."',
      'El Sr. García dimitió ayer. La Sra. López lo confirmó.',
      ['El Sr. García dimitió ayer.', 'La Sra. López lo confirmó.'],
    ],
    ['inverted question marks', '¿Subirán los impuestos? El Gobierno lo niega.', ['¿Subirán los impuestos?', 'El Gobierno lo niega.']],
    ['exclamation before a comma', '¡Es un escándalo!, dijo la oposición.', ['¡Es un escándalo!, dijo la oposición.']],
    [
      'decimals with a comma',
      'El déficit fue del 3,5% en 2023. La cifra sorprendió.',
      ['El déficit fue del 3,5% en 2023.', 'La cifra sorprendió.'],
    ],
    ['"EE. UU." in two parts', 'La reunión en EE. UU. terminó sin acuerdo.', ['La reunión en EE. UU. terminó sin acuerdo.']],
    ['«» quotes keep their full stops', '«No lo haremos. Nunca», dijo el ministro.', ['«No lo haremos. Nunca», dijo el ministro.']],
  ],
  it: [
    [
      '"Dott." and "Avv."',
      "Il Dott. Rossi ha confermato. L'Avv. Bianchi ha smentito.",
      ['Il Dott. Rossi ha confermato.', "L'Avv. Bianchi ha smentito."],
    ],
    [
      'decimals with a comma',
      "Il Pil è cresciuto dello 0,5% nel 2023. Lo ha detto l'Istat.",
      ['Il Pil è cresciuto dello 0,5% nel 2023.', "Lo ha detto l'Istat."],
    ],
    ['"ad es." inside a sentence', 'Alcuni settori, ad es. il turismo, crescono.', ['Alcuni settori, ad es. il turismo, crescono.']],
    ['«» quotes keep their full stops', '«Non arretreremo. Mai», ha detto il ministro.', ['«Non arretreremo. Mai», ha detto il ministro.']],
    [
      '"Sig.ra" written without a space',
      'La Sig.ra Verdi era presente. Nessuno ha parlato.',
      ['La Sig.ra Verdi era presente.', 'Nessuno ha parlato.'],
    ],
  ],
}

describe('splitSentences: rules per language', () => {
  for (const [language, cases] of Object.entries(CASES)) {
    describe(language, () => {
      for (const [rule, input, expected] of cases) {
        it(rule, () => {
          expect(split(input, language)).toEqual(expected)
        })
      }
    })
  }
})

describe('splitSentences: other languages and scripts', () => {
  it('falls back to the rules of all languages when none is given', () => {
    expect(split('Mr. Smith met Dr. Weber in the U.S. They talked.')).toEqual(['Mr. Smith met Dr. Weber in the U.S.', 'They talked.'])
    expect(split('Zástupca povedal, že napr. mesto súhlasí. Nikto neodporoval.', 'sk')).toEqual([
      'Zástupca povedal, že napr. mesto súhlasí.',
      'Nikto neodporoval.',
    ])
  })

  it('splits CJK, Devanagari and Arabic full stops without spaces', () => {
    expect(split('市长说，桥梁已经关闭。警方正在调查。', 'zh')).toEqual(['市长说，桥梁已经关闭。', '警方正在调查。'])
    expect(split('पुल बंद है। पुलिस जांच कर रही है।', 'hi')).toEqual(['पुल बंद है।', 'पुलिस जांच कर रही है।'])
    expect(split('هل أغلق الجسر؟ الشرطة تحقق.', 'ar')).toEqual(['هل أغلق الجسر؟', 'الشرطة تحقق.'])
  })

  it('uses Intl.Segmenter on short chunks for scripts without sentence punctuation', () => {
    const text = 'สะพานปิดแล้ว ตำรวจกำลังสอบสวน\nนายกเทศมนตรีกล่าว'
    const spans = splitSentences(text, 'th')
    expect(spans.length).toBeGreaterThanOrEqual(2)
    for (const { start, end } of spans) expect(text.slice(start, end)).toBe(text.slice(start, end).trim())
    expect(spans.map((s) => text.slice(s.start, s.end)).join(' ')).toContain('นายกเทศมนตรีกล่าว')
  })

  it('returns nothing for empty or blank text', () => {
    expect(split('')).toEqual([])
    expect(split(' \n\n \t')).toEqual([])
  })
})
