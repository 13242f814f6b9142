import type { LanguageData } from './types'

// Italian: titles before names ("Dott.", "Avv.", "Sig.") and the many clipped forms of office
// prose ("meteor.", "amm.", "ecc.").
export const it: LanguageData = {
  titles: 'Sig Sigg Sig.ra Sig.na Dott Dott.ssa Prof Prof.ssa Ing Avv Arch Geom Rag Mons On Sen Dr Gen Col Cav Comm Egr Gent Spett Mt St S',
  abbreviations:
    'ad es ecc etc pag pagg p pp n nn art artt cap capp cfr vol fig tel tab sez ca lun mar mer gio ven sab dom gen feb apr mag giu lug ago set sett ott nov dic meteor idraul psicol econ az st d amm dir v vs min max ss sgg rist ed cit op fasc univ prov reg naz loc uff dott avv prof sig co inc ltd spa s.p.a s.r.l c.a',
  neverEnd: 'cfr vs',
  starters:
    'Il Lo La I Gli Le L Un Una Uno Lui Lei Loro Noi Io Questo Questa Quello Quella Ma E In Per Con Secondo Dopo Anche Però Inoltre Oggi Ieri Nel Nella Al Alla Del Della È Si Non Da Dal',
}
