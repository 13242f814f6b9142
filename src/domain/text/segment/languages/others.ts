import type { LanguageData } from './types'

// Lighter rules for languages Factdesk does not target but meets in quotes and wire copy. What they
// add over the fallback: their own titles, ordinals, and full stops (Greek ";" asks a question,
// Armenian ends sentences with ":").

export const da: LanguageData = {
  titles: 'Hr Fr Frk Dr Prof Skt St Mt Mr Mrs Ms',
  abbreviations: 'bl.a f.eks m.m osv mv pga ca jf evt inkl ekskl nr tlf kl co inc ltd p.m a.m u.s',
  neverEnd: 'f.eks jf',
  starters: 'De Det Den Der Dette Han Hun Vi Jeg Du Hvad Hvor Hvem Hvorfor Hvordan Men Og Efter Før Nu Så',
  ordinalDot: true,
}

export const nb: LanguageData = {
  titles: 'Hr Fr Dr Prof St',
  abbreviations: 'bl.a f.eks m.m osv mv pga ca jf evt inkl nr tlf kl kr mill mrd',
  neverEnd: 'f.eks jf',
  starters: 'De Det Den Der Dette Han Hun Vi Jeg Du Hva Hvor Hvem Men Og Etter Før Nå Så',
  ordinalDot: true,
}

export const sv: LanguageData = {
  titles: 'Hr Fr Dr Prof St',
  abbreviations: 'bl.a t.ex m.m osv mfl pga ca jfr dvs s.k resp kl nr tel kr milj mdr',
  neverEnd: 't.ex jfr dvs',
  starters: 'De Det Den Där Detta Han Hon Vi Jag Du Vad Var Vem Men Och Efter Före Nu Så',
}

export const nl: LanguageData = {
  titles: 'Dhr Mevr Mw Dr Drs Ir Ing Prof Mr St',
  abbreviations: 'aanw vnw bijv blz enz etc d.w.z o.a m.b.t ca nr tel jl vlg vgl mln mld',
  neverEnd: 'bijv vgl d.w.z',
  starters: 'De Het Een Hij Zij Ze Wij We Ik Dit Dat Die Maar En In Op Volgens Na Voor',
}

export const pt: LanguageData = {
  titles: 'Sr Sra Srta Dr Dra Prof Profa Eng Av R St',
  abbreviations:
    'n nº p pág págs etc ex aprox tel jan fev mar abr mai jun jul ago set out nov dez seg ter qua qui sex sáb dom art cap vol cia ltda',
  neverEnd: 'p.ex',
  starters: 'O A Os As Um Uma Ele Ela Eles Elas Nós Eu Este Esta Isto Mas E Em Com Por Para Segundo Depois No Na',
}

export const pl: LanguageData = {
  titles: 'Prof Dr Mgr Inż Płk Gen Św Ks Ul Al Pl',
  abbreviations: 'np tzw tj itd itp ul al pl im ok godz r w tys mln mld zł gr św prof dr mgr inż bałt ang niem łac ros ukr nr tel wg m.in',
  neverEnd: 'np tzw tj m.in r',
  starters: 'W We Na Po Z Ze Do Od Za Dla Przy Ale A I To Ten Ta Te On Ona Oni My Ja Jak Co Kiedy Także Jednak',
  ordinalDot: true,
}

export const cs: LanguageData = {
  titles: 'Prof Doc Ing Mgr Dr Bc Sv Ul',
  abbreviations: 'např tzv tj atd apod č ul tel str r tis mil mld kč s.r.o a.s resp cca',
  neverEnd: 'např tzv tj',
  starters: 'V Ve Na Po S Se Do Od Za Pro Při Ale A I To Ten Ta On Ona Oni My Já Jak Co Když Také Však',
  ordinalDot: true,
}

export const sk: LanguageData = {
  titles: 'Prof Doc Ing Mgr Dr Bc Sv Ul',
  abbreviations: 'napr tzv t.j atď apod č ul tel str r tis mil mld s.r.o a.s resp cca s r o',
  neverEnd: 'napr tzv t.j',
  starters: 'V Vo Na Po S So Do Od Za Pre Pri Ale A I To Ten Tá On Ona Oni My Ja Ako Čo Keď Tiež Však',
  ordinalDot: true,
}

export const bg: LanguageData = {
  titles: 'г-н г-жа проф акад доц д-р ул бул пл гр с св',
  abbreviations: 'т.г т.е т.нар вкл напр др млн млрд хил лв стр г гр пл бул ул',
  neverEnd: 'г т.е напр',
  starters: 'В На По С От За До При След Но А И Това Той Тя Те Ние Аз Как Какво Когато Също Обаче',
}

export const kk: LanguageData = {
  titles: 'проф акад',
  abbreviations: 'т.б т.с.с б.з.б ж млн млрд мыс',
  neverEnd: 'т.б т.с.с б.з.б',
  starters: 'Бұл Ол Олар Біз Мен Сен Сондықтан Бірақ Және Кейін',
}

export const el: LanguageData = {
  titles: 'κ κα Δρ',
  abbreviations: 'π.χ δηλ κλπ κ.λπ αρ σελ τηλ εκατ δισ',
  neverEnd: 'π.χ δηλ',
  starters: 'Ο Η Το Οι Τα Τον Την Του Της Αυτό Αυτή Αυτός Αλλά Και Στο Στη Στην Σε Με Για Από',
  extraTerminals: ';',
}

export const hy: LanguageData = {
  titles: '',
  abbreviations: '',
  starters: '',
  extraTerminals: ':',
  periodEnds: false,
}
