import { describe, expect, it } from 'vitest'
import { splitSentences } from '@domain/text/segment'

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
      'a dateline with a full stop of its own',
      'ST. LOUIS (AP) — The river rose 3 feet overnight. Schools closed.',
      ['ST. LOUIS (AP) —', 'The river rose 3 feet overnight.', 'Schools closed.'],
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
    ['"р." in the date that opens a sentence', 'У 2014 р. Росія анексувала Крим.', ['У 2014 р. Росія анексувала Крим.']],
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
    [
      'titles before names',
      'Проф. Іваненко очолив комісію. Ген. Коваль став його заступником.',
      ['Проф. Іваненко очолив комісію.', 'Ген. Коваль став його заступником.'],
    ],
    [
      'times',
      'Засідання почнеться о 17:30. Депутати мають зареєструватися.',
      ['Засідання почнеться о 17:30.', 'Депутати мають зареєструватися.'],
    ],
    [
      'money',
      'Уряд виділив $1,2 млрд на ремонт доріг. Кошти надійдуть у березні.',
      ['Уряд виділив $1,2 млрд на ремонт доріг.', 'Кошти надійдуть у березні.'],
    ],
    ['versions', 'Оновлення 2.4.1 вийшло вчора. Воно виправляє помилки.', ['Оновлення 2.4.1 вийшло вчора.', 'Воно виправляє помилки.']],
    [
      'URLs and e-mail addresses',
      'Деталі на сайті www.rada.gov.ua. Питання надсилайте на press@rada.gov.ua.',
      ['Деталі на сайті www.rada.gov.ua.', 'Питання надсилайте на press@rada.gov.ua.'],
    ],
    ['ellipsis before a new sentence', 'Ціни зростають... Уряд мовчить.', ['Ціни зростають...', 'Уряд мовчить.']],
    ['ellipsis inside a sentence', 'Він сказав, що план … нездійсненний.', ['Він сказав, що план … нездійсненний.']],
    [
      'a parenthesised whole sentence',
      'Закон ухвалили. (Опозиція голосувала проти.) Він набуде чинності в січні.',
      ['Закон ухвалили.', '(Опозиція голосувала проти.)', 'Він набуде чинності в січні.'],
    ],
    [
      'headings and list items on their own lines',
      'Головне за день\nУряд ухвалив бюджет.\n- ціни зросли на 2%\n- зарплати на 3%',
      ['Головне за день', 'Уряд ухвалив бюджет.', '- ціни зросли на 2%', '- зарплати на 3%'],
    ],
    [
      'datelines',
      'КИЇВ, 12 березня (Укрінформ) — Уряд ухвалив бюджет, повідомили в Мінфіні.',
      ['КИЇВ, 12 березня (Укрінформ) —', 'Уряд ухвалив бюджет, повідомили в Мінфіні.'],
    ],
  ],
  ru: [
    [
      '"т.н." inside a sentence',
      'Об этом сообщил т.н. источник в ведомстве. Он не назвал имен.',
      ['Об этом сообщил т.н. источник в ведомстве.', 'Он не назвал имен.'],
    ],
    ['"г." in the date that opens a sentence', 'В 2014 г. Россия аннексировала Крым.', ['В 2014 г. Россия аннексировала Крым.']],
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
    [
      'titles before names',
      'Проф. Иванов возглавил комиссию. Ген. Ковалёв стал его заместителем.',
      ['Проф. Иванов возглавил комиссию.', 'Ген. Ковалёв стал его заместителем.'],
    ],
    [
      'times',
      'Заседание начнется в 17:30. Депутаты должны зарегистрироваться.',
      ['Заседание начнется в 17:30.', 'Депутаты должны зарегистрироваться.'],
    ],
    [
      'money',
      'Правительство выделило $1,2 млрд на ремонт дорог. Деньги поступят в марте.',
      ['Правительство выделило $1,2 млрд на ремонт дорог.', 'Деньги поступят в марте.'],
    ],
    ['versions', 'Обновление 2.4.1 вышло вчера. Оно исправляет ошибки.', ['Обновление 2.4.1 вышло вчера.', 'Оно исправляет ошибки.']],
    [
      'URLs and e-mail addresses',
      'Подробности на сайте www.duma.gov.ru. Вопросы присылайте на press@duma.gov.ru.',
      ['Подробности на сайте www.duma.gov.ru.', 'Вопросы присылайте на press@duma.gov.ru.'],
    ],
    ['ellipsis before a new sentence', 'Цены растут... Правительство молчит.', ['Цены растут...', 'Правительство молчит.']],
    ['ellipsis inside a sentence', 'Он сказал, что план … невыполним.', ['Он сказал, что план … невыполним.']],
    [
      'a parenthesised whole sentence',
      'Закон приняли. (Оппозиция голосовала против.) Он вступит в силу в январе.',
      ['Закон приняли.', '(Оппозиция голосовала против.)', 'Он вступит в силу в январе.'],
    ],
    [
      'headings and list items on their own lines',
      'Главное за день\nПравительство приняло бюджет.\n- цены выросли на 2%\n- зарплаты на 3%',
      ['Главное за день', 'Правительство приняло бюджет.', '- цены выросли на 2%', '- зарплаты на 3%'],
    ],
    [
      'datelines',
      'МОСКВА, 12 марта (Интерфакс) — Правительство приняло бюджет, сообщили в Минфине.',
      ['МОСКВА, 12 марта (Интерфакс) —', 'Правительство приняло бюджет, сообщили в Минфине.'],
    ],
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
    [
      'titles before names',
      'Prof. Weber leitet die Kommission. Dr. Schulz ist ihr Stellvertreter.',
      ['Prof. Weber leitet die Kommission.', 'Dr. Schulz ist ihr Stellvertreter.'],
    ],
    ['initials', 'Den Brief unterschrieb K. H. Müller. Er bestätigte das.', ['Den Brief unterschrieb K. H. Müller.', 'Er bestätigte das.']],
    [
      'times',
      'Die Sitzung beginnt um 17.30 Uhr. Die Abgeordneten müssen sich anmelden.',
      ['Die Sitzung beginnt um 17.30 Uhr.', 'Die Abgeordneten müssen sich anmelden.'],
    ],
    [
      'money',
      'Der Bund gibt 2,5 Mio. Euro für Straßen aus. Das Geld fließt im März.',
      ['Der Bund gibt 2,5 Mio. Euro für Straßen aus.', 'Das Geld fließt im März.'],
    ],
    ['versions', 'Das Update 2.4.1 erschien gestern. Es behebt Fehler.', ['Das Update 2.4.1 erschien gestern.', 'Es behebt Fehler.']],
    [
      'URLs and e-mail addresses',
      'Details unter www.bundestag.de. Fragen an presse@bundestag.de.',
      ['Details unter www.bundestag.de.', 'Fragen an presse@bundestag.de.'],
    ],
    ['ellipsis', 'Die Preise steigen... Die Regierung schweigt.', ['Die Preise steigen...', 'Die Regierung schweigt.']],
    [
      'a parenthesised whole sentence',
      'Das Gesetz wurde beschlossen. (Die Opposition stimmte dagegen.) Es gilt ab Januar.',
      ['Das Gesetz wurde beschlossen.', '(Die Opposition stimmte dagegen.)', 'Es gilt ab Januar.'],
    ],
    [
      'headings and list items on their own lines',
      'Das Wichtigste\nDer Bundestag beschloss den Haushalt.\n- Preise stiegen um 2 %\n- Löhne um 3 %',
      ['Das Wichtigste', 'Der Bundestag beschloss den Haushalt.', '- Preise stiegen um 2 %', '- Löhne um 3 %'],
    ],
    [
      'datelines',
      'BERLIN (dpa) – Der Bundestag hat den Haushalt beschlossen.',
      ['BERLIN (dpa) –', 'Der Bundestag hat den Haushalt beschlossen.'],
    ],
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
    [
      'initials',
      'La lettre a été signée par J.-P. Martin. Il l’a confirmé.',
      ['La lettre a été signée par J.-P. Martin.', 'Il l’a confirmé.'],
    ],
    [
      'times',
      'La séance commence à 17 h 30. Les députés doivent s’inscrire.',
      ['La séance commence à 17 h 30.', 'Les députés doivent s’inscrire.'],
    ],
    [
      'money',
      'L’État débloque 2,5 M€ pour les routes. L’argent arrivera en mars.',
      ['L’État débloque 2,5 M€ pour les routes.', 'L’argent arrivera en mars.'],
    ],
    [
      'versions',
      'La mise à jour 2.4.1 est sortie hier. Elle corrige des erreurs.',
      ['La mise à jour 2.4.1 est sortie hier.', 'Elle corrige des erreurs.'],
    ],
    [
      'URLs and e-mail addresses',
      'Détails sur www.assemblee-nationale.fr. Écrivez à presse@assemblee.fr.',
      ['Détails sur www.assemblee-nationale.fr.', 'Écrivez à presse@assemblee.fr.'],
    ],
    ['ellipsis', 'Les prix montent… Le gouvernement se tait.', ['Les prix montent…', 'Le gouvernement se tait.']],
    [
      'a parenthesised whole sentence',
      'La loi a été adoptée. (L’opposition a voté contre.) Elle s’appliquera en janvier.',
      ['La loi a été adoptée.', '(L’opposition a voté contre.)', 'Elle s’appliquera en janvier.'],
    ],
    [
      'headings and list items on their own lines',
      'L’essentiel\nLe Parlement a voté le budget.\n- les prix ont augmenté de 2 %\n- les salaires de 3 %',
      ['L’essentiel', 'Le Parlement a voté le budget.', '- les prix ont augmenté de 2 %', '- les salaires de 3 %'],
    ],
    ['datelines', 'PARIS (AFP) - Le Parlement a adopté le budget mardi.', ['PARIS (AFP) -', 'Le Parlement a adopté le budget mardi.']],
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
    ['initials', 'La carta la firmó J. L. Pérez. Él lo confirmó.', ['La carta la firmó J. L. Pérez.', 'Él lo confirmó.']],
    [
      'times',
      'La sesión empieza a las 17.30. Los diputados deben registrarse.',
      ['La sesión empieza a las 17.30.', 'Los diputados deben registrarse.'],
    ],
    [
      'money',
      'El Gobierno destina 2,5 millones de euros a carreteras. El dinero llegará en marzo.',
      ['El Gobierno destina 2,5 millones de euros a carreteras.', 'El dinero llegará en marzo.'],
    ],
    ['versions', 'La actualización 2.4.1 salió ayer. Corrige errores.', ['La actualización 2.4.1 salió ayer.', 'Corrige errores.']],
    [
      'URLs and e-mail addresses',
      'Detalles en www.congreso.es. Escriba a prensa@congreso.es.',
      ['Detalles en www.congreso.es.', 'Escriba a prensa@congreso.es.'],
    ],
    ['ellipsis', 'Los precios suben... El Gobierno calla.', ['Los precios suben...', 'El Gobierno calla.']],
    [
      'a parenthesised whole sentence',
      'La ley fue aprobada. (La oposición votó en contra.) Entrará en vigor en enero.',
      ['La ley fue aprobada.', '(La oposición votó en contra.)', 'Entrará en vigor en enero.'],
    ],
    [
      'headings and list items on their own lines',
      'Lo más importante\nEl Congreso aprobó el presupuesto.\n- los precios subieron un 2%\n- los salarios un 3%',
      ['Lo más importante', 'El Congreso aprobó el presupuesto.', '- los precios subieron un 2%', '- los salarios un 3%'],
    ],
    [
      'datelines',
      'MADRID, 12 mar (EFE). - El Congreso aprobó el presupuesto.',
      ['MADRID, 12 mar (EFE). -', 'El Congreso aprobó el presupuesto.'],
    ],
    [
      'datelines in the agency style ".-"',
      'MADRID, 12 mar (EFE).- El Congreso aprobó el presupuesto.',
      ['MADRID, 12 mar (EFE).-', 'El Congreso aprobó el presupuesto.'],
    ],
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
    [
      'initials',
      'La lettera è firmata da G. B. Rossi. Lui lo ha confermato.',
      ['La lettera è firmata da G. B. Rossi.', 'Lui lo ha confermato.'],
    ],
    [
      'times',
      'La seduta inizia alle 17.30. I deputati devono registrarsi.',
      ['La seduta inizia alle 17.30.', 'I deputati devono registrarsi.'],
    ],
    [
      'money',
      'Il governo stanzia 2,5 mln di euro per le strade. I fondi arriveranno a marzo.',
      ['Il governo stanzia 2,5 mln di euro per le strade.', 'I fondi arriveranno a marzo.'],
    ],
    [
      'versions',
      'L’aggiornamento 2.4.1 è uscito ieri. Corregge degli errori.',
      ['L’aggiornamento 2.4.1 è uscito ieri.', 'Corregge degli errori.'],
    ],
    [
      'URLs and e-mail addresses',
      'Dettagli su www.camera.it. Scrivete a stampa@camera.it.',
      ['Dettagli su www.camera.it.', 'Scrivete a stampa@camera.it.'],
    ],
    ['ellipsis', 'I prezzi salgono... Il governo tace.', ['I prezzi salgono...', 'Il governo tace.']],
    [
      'a parenthesised whole sentence',
      'La legge è stata approvata. (L’opposizione ha votato contro.) Entrerà in vigore a gennaio.',
      ['La legge è stata approvata.', '(L’opposizione ha votato contro.)', 'Entrerà in vigore a gennaio.'],
    ],
    [
      'headings and list items on their own lines',
      'In breve\nIl Parlamento ha approvato il bilancio.\n- i prezzi sono saliti del 2%\n- i salari del 3%',
      ['In breve', 'Il Parlamento ha approvato il bilancio.', '- i prezzi sono saliti del 2%', '- i salari del 3%'],
    ],
    [
      'datelines',
      'ROMA, 12 MAR (ANSA) - Il Parlamento ha approvato il bilancio.',
      ['ROMA, 12 MAR (ANSA) -', 'Il Parlamento ha approvato il bilancio.'],
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
