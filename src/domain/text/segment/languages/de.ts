import type { LanguageData } from './types'

// German: ordinals take a full stop ("am 23. Mai"), and many everyday abbreviations come in two
// parts with a space ("z. B.", "u. a."); each part is listed on its own.
export const de: LanguageData = {
  titles: 'Hr Hrn Fr Frl Dr Prof Dipl Ing St Sta Pfr Bgm Abg',
  abbreviations:
    'z b u a ä o d h i r s t v n c g bzw ca usw etc ggf evtl inkl exkl zzgl vgl sog bspw bzgl ebd einschl entspr insb mind max min rd lt gem geb gest verh kath ev evang med jur phil rer nat dent str nr abs art bd jh jhd mio mrd tsd std sek tel mo di mi do fr sa so jan feb mär märz apr jun jul aug sep sept okt nov dez co inc ltd allg anm aufl ausg betr bes dgl fa hl kap kfz pkw lkw od tab teilw urspr usf verf vllt wg zit zus zw zzt chr hbf ggü u.a u.ä z.b z.t z.z d.h i.d.r o.ä s.o s.u u.u v.a u.v.m n.chr v.chr',
  starters:
    'Der Die Das Den Dem Des Ein Eine Einen Er Sie Es Wir Ich Ihr Man Dies Diese Dieser Dieses Dort Da Dann Doch Aber Und Auch Als Am Im In Auf Mit Nach Bei Seit Wie Was Wer Wo Warum Wann Nun So Zudem Außerdem Deshalb Trotzdem Jedoch Allerdings Laut Heute Gestern Damit Darüber Zuvor Später',
  ordinalDot: true,
}
