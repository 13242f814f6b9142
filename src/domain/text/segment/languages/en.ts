import type { LanguageData } from './types'

// English as newsrooms write it: AP-style titles and state abbreviations, months, company suffixes.
export const en: LanguageData = {
  titles:
    'Mr Mrs Ms Mx Messrs Mmes Dr Drs Prof Sen Sens Rep Reps Gov Govs Lt Col Maj Capt Cmdr Cdr Adm Gen Brig Sgt Cpl Pvt Rev Hon Pres Supt Det Insp Amb Atty Sec Msgr Fr St Mt Ft Pt Gens Ald Assoc Asst Dist Sr Sra Srta',
  abbreviations:
    'a.m p.m co cos corp inc ltd llc plc bros jr sr esq mfg assn assoc dept div est etc govt intl natl univ inst ave blvd rd st hwy mt sq apt bldg fl ste no nos nr vol vols p pp fig figs ch chap sec art para ed eds op repr trans misc tel ext approx incl excl esp med btw fe al ca mln mn bn tn min max mph yr yrs mo mos wk hr hrs sec secs oz lb lbs ft yd mi gal pt qt jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa penn tenn tex va vt wash wis wyo n.j n.y n.m n.c n.d n.h s.c s.d r.i w.va d.c u.s u.k u.n e.u ph.d i.v rs n° nº №',
  neverEnd: 'e.g i.e vs v cf viz',
  starters:
    'A An The This That These Those It Its He She They We I You His Her Our Their There Here What When Where Who Why How However But And Yet So In On At For From By As After Before During Since Millions More Most Many Some Being Did Do Does Is Are Was Were Police Officials',
  exclamationNames: 'Yahoo Jeopardy',
}
