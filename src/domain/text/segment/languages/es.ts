import type { LanguageData } from './types'

// Spanish: forms of address ("Sr.", "Srta.", "Lic."), street and document abbreviations, and
// "EE. UU." written in two parts.
export const es: LanguageData = {
  titles:
    'Sr Sra Srta Sres Sras Dr Dra Dres Lic Licda Ing Arq Prof Profa D Dña Ud Uds Vd Vds Excmo Excma Ilmo Ilma Mons Gral Cnel Tte Cap Sto Sta Mt St',
  abbreviations:
    'admón apdo art arts aprox av avda c cap cía col cta dcha depto dpto ej etc fig izq izqda lun mar mié miér jue vie sáb dom ene feb abr may jun jul ago sep sept set oct nov dic min máx mín núm nº no pág págs párr párrf pl pral prov tel tfno telf vol vs ee uu hs hrs cra ext dto urb pza pta co inc ltd s.a ss sig sigs ib ibid op cit p pp',
  neverEnd: 'p.ej vs',
  starters:
    'El La Los Las Lo Un Una Unos Unas Él Ella Ellos Ellas Nosotros Yo Se Este Esta Esto Estos Estas Pero Y En Con Por Para Según Sin Tras Desde Además También Así Hoy Ayer Al Del De A Su Sus Eso Como Cuando',
}
