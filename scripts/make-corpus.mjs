#!/usr/bin/env node
// Writes the "följeforskning scale" benchmark corpus: fictional Swedish group-interview
// transcripts (5 terms × 14 districts × chef/medarbetare + 4 extra staff groups = 144
// files of ~11,000 words each by default) plus attributes.csv.
//
//   node scripts/make-corpus.mjs OUTDIR [--interviews 144] [--words 11000] [--seed 1611]
//
// Deterministic: the same arguments give the same bytes on every run and machine (seeded
// mulberry32, no clock, no locale). Each transcript is seeded from its own slot key
// (term|district|group), so a document has the same text whatever --interviews is.
// Transcript format (same as sample-corpus/): a turn starts a line with `I: ` (interviewer)
// or participant initials (`AL: `), optionally preceded by `[hh:mm:ss] `; paragraphs are
// separated by a blank line, and continuation paragraphs of a turn carry no label.
// Prints one JSON line {"dir","files","words","bytes"}: files = transcripts written,
// words = whitespace-separated tokens in them (as `wc -w`), bytes = all bytes written
// (transcripts + attributes.csv).
//
// Also importable: `import { makeCorpus } from './make-corpus.mjs'`.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const DEFAULTS = Object.freeze({ interviews: 144, words: 11000, seed: 1611 });
export const TERMS = Object.freeze(['HT16', 'VT17', 'HT17', 'VT18', 'HT18']);
export const DISTRICTS = Object.freeze([
  'Norrdal', 'Söderby', 'Älvstrand', 'Björkhaga', 'Ekbacken', 'Sjövik', 'Granåsen',
  'Tallmyra', 'Rönnliden', 'Ängsholmen', 'Kvarnbo', 'Lövstaden', 'Mossvik', 'Östergärde',
]);
const LIMITS = { interviews: [1, 10000], words: [50, 2000000], seed: [0, 0xffffffff] };

// ---------------------------------------------------------------- PRNG ----

function mulberry32(a) {
  return function next() {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashString(s) { // FNV-1a over UTF-16 code units
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}

class Rng {
  constructor(seed) { this.next = mulberry32(seed); }
  float() { return this.next(); }
  int(lo, hi) { return lo + Math.floor(this.next() * (hi - lo + 1)); } // inclusive
  chance(p) { return this.next() < p; }
  pick(arr) { return arr[Math.floor(this.next() * arr.length)]; }
  // arr sorted by frequency rank; Zipf weights 1/(rank+1)^s, cached per array
  zipf(arr, s = 1.0) {
    let cum = ZIPF_CACHE.get(arr);
    if (!cum || cum.s !== s) {
      cum = new Float64Array(arr.length); let acc = 0;
      for (let i = 0; i < arr.length; i++) { acc += 1 / Math.pow(i + 1, s); cum[i] = acc; }
      cum.s = s; ZIPF_CACHE.set(arr, cum);
    }
    const x = this.next() * cum[cum.length - 1];
    let lo = 0, hi = cum.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cum[mid] < x) lo = mid + 1; else hi = mid; }
    return arr[lo];
  }
  // [[weight, value], ...]
  weighted(pairs) {
    let total = 0; for (const [w] of pairs) total += w;
    let x = this.next() * total;
    for (const [w, v] of pairs) { x -= w; if (x < 0) return v; }
    return pairs[pairs.length - 1][1];
  }
}
const ZIPF_CACHE = new WeakMap();

// ---------------------------------------------------------- vocabulary ----
// Nouns: 'indef|def|indefPl|defPl|gender|category'; '-' = no plural (mass noun).
// Categories: a = person/actor, o = organisation/named actor, p = place, e = event,
// t = thing/abstract. Lists are in rough frequency order (Zipf sampling by rank).

const NOUN_SRC = `
ärende|ärendet|ärenden|ärendena|ett|t
socialsekreterare|socialsekreteraren|socialsekreterare|socialsekreterarna|en|a
klient|klienten|klienter|klienterna|en|a
kollega|kollegan|kollegor|kollegorna|en|a
chef|chefen|chefer|cheferna|en|a
tid|tiden|tider|tiderna|en|t
familj|familjen|familjer|familjerna|en|a
handlingsplan|handlingsplanen|handlingsplaner|handlingsplanerna|en|t
möte|mötet|möten|mötena|ett|e
rutin|rutinen|rutiner|rutinerna|en|t
enhet|enheten|enheter|enheterna|en|o
barn|barnet|barn|barnen|ett|a
samverkan|samverkan|-|-|en|t
utredning|utredningen|utredningar|utredningarna|en|t
samtal|samtalet|samtal|samtalen|ett|e
arbetsbelastning|arbetsbelastningen|-|-|en|t
handläggare|handläggaren|handläggare|handläggarna|en|a
kontakt|kontakten|kontakter|kontakterna|en|t
sekretess|sekretessen|-|-|en|t
förälder|föräldern|föräldrar|föräldrarna|en|a
stöd|stödet|-|-|ett|t
skola|skolan|skolor|skolorna|en|o
uppdrag|uppdraget|uppdrag|uppdragen|ett|t
introduktion|introduktionen|introduktioner|introduktionerna|en|t
medarbetare|medarbetaren|medarbetare|medarbetarna|en|a
beslut|beslutet|beslut|besluten|ett|t
insats|insatsen|insatser|insatserna|en|t
kompetensutveckling|kompetensutvecklingen|-|-|en|t
mottagning|mottagningen|mottagningar|mottagningarna|en|p
ansvar|ansvaret|-|-|ett|t
administratör|administratören|administratörer|administratörerna|en|a
bollande|bollandet|-|-|ett|t
lokal|lokalen|lokaler|lokalerna|en|p
personalomsättning|personalomsättningen|-|-|en|t
brukare|brukaren|brukare|brukarna|en|a
ledning|ledningen|-|-|en|o
förvaltning|förvaltningen|förvaltningar|förvaltningarna|en|o
uppföljning|uppföljningen|uppföljningar|uppföljningarna|en|t
avstämning|avstämningen|avstämningar|avstämningarna|en|e
information|informationen|-|-|en|t
behov|behovet|behov|behoven|ett|t
problem|problemet|problem|problemen|ett|t
mentor|mentorn|mentorer|mentorerna|en|a
enhetschef|enhetschefen|enhetschefer|enhetscheferna|en|a
samtycke|samtycket|samtycken|samtyckena|ett|t
uppgift|uppgiften|uppgifter|uppgifterna|en|t
brukardelaktighet|brukardelaktigheten|-|-|en|t
ärendedragning|ärendedragningen|ärendedragningar|ärendedragningarna|en|e
arbetsuppgift|arbetsuppgiften|arbetsuppgifter|arbetsuppgifterna|en|t
relation|relationen|relationer|relationerna|en|t
omorganisation|omorganisationen|omorganisationer|omorganisationerna|en|t
tillit|tilliten|-|-|en|t
handledning|handledningen|-|-|en|t
bedömning|bedömningen|bedömningar|bedömningarna|en|t
korridor|korridoren|korridorer|korridorerna|en|p
arbetsplatsträff|arbetsplatsträffen|arbetsplatsträffar|arbetsplatsträffarna|en|e
oro|oron|-|-|en|t
ledarskap|ledarskapet|-|-|ett|t
utbildning|utbildningen|utbildningar|utbildningarna|en|t
team|teamet|team|teamen|ett|o
samordning|samordningen|-|-|en|t
myndighet|myndigheten|myndigheter|myndigheterna|en|o
förändring|förändringen|förändringar|förändringarna|en|t
skillnad|skillnaden|skillnader|skillnaderna|en|t
arbetssätt|arbetssättet|arbetssätt|arbetssätten|ett|t
nyanställd|den nyanställda|nyanställda|de nyanställda|en|a
punkt|punkten|punkter|punkterna|en|t
erfarenhet|erfarenheten|erfarenheter|erfarenheterna|en|t
anmälan|anmälan|anmälningar|anmälningarna|en|t
ansökan|ansökan|ansökningar|ansökningarna|en|t
placering|placeringen|placeringar|placeringarna|en|t
hembesök|hembesöket|hembesök|hembesöken|ett|e
förtroende|förtroendet|-|-|ett|t
osäkerhet|osäkerheten|osäkerheter|osäkerheterna|en|t
nätverk|nätverket|nätverk|nätverken|ett|t
dokumentation|dokumentationen|-|-|en|t
återkoppling|återkopplingen|-|-|en|t
kunskap|kunskapen|kunskaper|kunskaperna|en|t
lösning|lösningen|lösningar|lösningarna|en|t
förslag|förslaget|förslag|förslagen|ett|t
gräns|gränsen|gränser|gränserna|en|t
resurs|resursen|resurser|resurserna|en|t
vecka|veckan|veckor|veckorna|en|t
termin|terminen|terminer|terminerna|en|t
känsla|känslan|känslor|känslorna|en|t
stress|stressen|-|-|en|t
mentorskap|mentorskapet|-|-|ett|t
ärendehandledning|ärendehandledningen|-|-|en|t
fortbildning|fortbildningen|-|-|en|t
sektionschef|sektionschefen|sektionschefer|sektionscheferna|en|a
behandlare|behandlaren|behandlare|behandlarna|en|a
kontaktperson|kontaktpersonen|kontaktpersoner|kontaktpersonerna|en|a
vakans|vakansen|vakanser|vakanserna|en|t
rekrytering|rekryteringen|rekryteringar|rekryteringarna|en|t
lön|lönen|löner|lönerna|en|t
budget|budgeten|budgetar|budgetarna|en|t
prioritering|prioriteringen|prioriteringar|prioriteringarna|en|t
förbättringsområde|förbättringsområdet|förbättringsområden|förbättringsområdena|ett|t
samtalsrum|samtalsrummet|samtalsrum|samtalsrummen|ett|p
arbetsrum|arbetsrummet|arbetsrum|arbetsrummen|ett|p
personalrum|personalrummet|personalrum|personalrummen|ett|p
väntrum|väntrummet|väntrum|väntrummen|ett|p
reception|receptionen|receptioner|receptionerna|en|p
arbetsmiljö|arbetsmiljön|arbetsmiljöer|arbetsmiljöerna|en|t
engagemang|engagemanget|-|-|ett|t
delaktighet|delaktigheten|-|-|en|t
enkät|enkäten|enkäter|enkäterna|en|t
mandat|mandatet|mandat|mandaten|ett|t
riktlinje|riktlinjen|riktlinjer|riktlinjerna|en|t
lathund|lathunden|lathundar|lathundarna|en|t
mall|mallen|mallar|mallarna|en|t
schema|schemat|scheman|schemana|ett|t
kalender|kalendern|kalendrar|kalendrarna|en|t
telefon|telefonen|telefoner|telefonerna|en|t
mejl|mejlet|mejl|mejlen|ett|t
blankett|blanketten|blanketter|blanketterna|en|t
kallelse|kallelsen|kallelser|kallelserna|en|t
journal|journalen|journaler|journalerna|en|t
verksamhetssystem|verksamhetssystemet|verksamhetssystem|verksamhetssystemen|ett|t
dator|datorn|datorer|datorerna|en|t
utbetalning|utbetalningen|utbetalningar|utbetalningarna|en|t
försörjningsstöd|försörjningsstödet|-|-|ett|t
missbruk|missbruket|-|-|ett|t
boende|boendet|boenden|boendena|ett|p
skuld|skulden|skulder|skulderna|en|t
hyra|hyran|hyror|hyrorna|en|t
flöde|flödet|flöden|flödena|ett|t
process|processen|processer|processerna|en|t
tidsfrist|tidsfristen|tidsfrister|tidsfristerna|en|t
förhandsbedömning|förhandsbedömningen|förhandsbedömningar|förhandsbedömningarna|en|t
yttrande|yttrandet|yttranden|yttrandena|ett|t
vårdplan|vårdplanen|vårdplaner|vårdplanerna|en|t
konsultation|konsultationen|konsultationer|konsultationerna|en|e
arbetsplatskultur|arbetsplatskulturen|-|-|en|t
yrkeserfarenhet|yrkeserfarenheten|-|-|en|t
intresse|intresset|intressen|intressena|ett|t
avstånd|avståndet|avstånd|avstånden|ett|t
kommun|kommunen|kommuner|kommunerna|en|o
stadsdel|stadsdelen|stadsdelar|stadsdelarna|en|o
nämnd|nämnden|nämnder|nämnderna|en|o
ledningsgrupp|ledningsgruppen|ledningsgrupper|ledningsgrupperna|en|o
arbetslag|arbetslaget|arbetslag|arbetslagen|ett|o
utvecklingsdag|utvecklingsdagen|utvecklingsdagar|utvecklingsdagarna|en|e
tolk|tolken|tolkar|tolkarna|en|a
student|studenten|studenter|studenterna|en|a
trainee|traineen|traineer|traineerna|en|a
ungdom|ungdomen|ungdomar|ungdomarna|en|a
tonåring|tonåringen|tonåringar|tonåringarna|en|a
skolkurator|skolkuratorn|skolkuratorer|skolkuratorerna|en|a
hyresvärd|hyresvärden|hyresvärdar|hyresvärdarna|en|a
läkare|läkaren|läkare|läkarna|en|a
jurist|juristen|jurister|juristerna|en|a
samordnare|samordnaren|samordnare|samordnarna|en|a
handledare|handledaren|handledare|handledarna|en|a
familjebehandlare|familjebehandlaren|familjebehandlare|familjebehandlarna|en|a
biståndshandläggare|biståndshandläggaren|biståndshandläggare|biståndshandläggarna|en|a
familjehem|familjehemmet|familjehem|familjehemmen|ett|o
förskola|förskolan|förskolor|förskolorna|en|o
vårdcentral|vårdcentralen|vårdcentraler|vårdcentralerna|en|o
region|regionen|regioner|regionerna|en|o
arbetsdag|arbetsdagen|arbetsdagar|arbetsdagarna|en|t
helhet|helheten|helheter|helheterna|en|t
lunch|lunchen|luncher|luncherna|en|e
kö|kön|köer|köerna|en|t
väntetid|väntetiden|väntetider|väntetiderna|en|t
kontor|kontoret|kontor|kontoren|ett|p
dörr|dörren|dörrar|dörrarna|en|p
våning|våningen|våningar|våningarna|en|p
hus|huset|hus|husen|ett|p
sjukskrivning|sjukskrivningen|sjukskrivningar|sjukskrivningarna|en|t
semester|semestern|semestrar|semestrarna|en|t
övertid|övertiden|-|-|en|t
ersättning|ersättningen|ersättningar|ersättningarna|en|t
sjukpenning|sjukpenningen|-|-|en|t
bostad|bostaden|bostäder|bostäderna|en|p
vräkning|vräkningen|vräkningar|vräkningarna|en|t
räkning|räkningen|räkningar|räkningarna|en|t
kvitto|kvittot|kvitton|kvittona|ett|t
faktura|fakturan|fakturor|fakturorna|en|t
lag|lagen|lagar|lagarna|en|t
paragraf|paragrafen|paragrafer|paragraferna|en|t
bestämmelse|bestämmelsen|bestämmelser|bestämmelserna|en|t
rättighet|rättigheten|rättigheter|rättigheterna|en|t
skyldighet|skyldigheten|skyldigheter|skyldigheterna|en|t
missförstånd|missförståndet|missförstånd|missförstånden|ett|t
dubbelarbete|dubbelarbetet|-|-|ett|t
initiativ|initiativet|initiativ|initiativen|ett|t
ventil|ventilen|ventiler|ventilerna|en|t
magkänsla|magkänslan|magkänslor|magkänslorna|en|t
omdöme|omdömet|omdömen|omdömena|ett|t
mamma|mamman|mammor|mammorna|en|a
pappa|pappan|pappor|papporna|en|a
pojke|pojken|pojkar|pojkarna|en|a
flicka|flickan|flickor|flickorna|en|a
volontär|volontären|volontärer|volontärerna|en|a
förening|föreningen|föreningar|föreningarna|en|o
organisation|organisationen|organisationer|organisationerna|en|o
politiker|politikern|politiker|politikerna|en|a
forskare|forskaren|forskare|forskarna|en|a
kvart|kvarten|kvartar|kvartarna|en|t
eftermiddag|eftermiddagen|eftermiddagar|eftermiddagarna|en|t
förmiddag|förmiddagen|förmiddagar|förmiddagarna|en|t
projekt|projektet|projekt|projekten|ett|t
projekttid|projekttiden|-|-|en|t
statistik|statistiken|-|-|en|t
siffra|siffran|siffror|siffrorna|en|t
mål|målet|mål|målen|ett|t
kvalitet|kvaliteten|kvaliteter|kvaliteterna|en|t
rättssäkerhet|rättssäkerheten|-|-|en|t
kontinuitet|kontinuiteten|-|-|en|t
tillgänglighet|tillgängligheten|-|-|en|t
bemötande|bemötandet|-|-|ett|t
motivation|motivationen|-|-|en|t
trivsel|trivseln|-|-|en|t
Försäkringskassan|Försäkringskassan|-|-|en|o
Arbetsförmedlingen|Arbetsförmedlingen|-|-|en|o
BUP|BUP|-|-|en|o
psykiatrin|psykiatrin|-|-|en|o
socialjouren|socialjouren|-|-|en|o
elevhälsan|elevhälsan|-|-|en|o
beroendemottagningen|beroendemottagningen|-|-|en|o
frivården|frivården|-|-|en|o
vuxenenheten|vuxenenheten|-|-|en|o
barnavårdscentralen|barnavårdscentralen|-|-|en|o
habiliteringen|habiliteringen|-|-|en|o
polisen|polisen|-|-|en|o
Kronofogden|Kronofogden|-|-|en|o
`;

// Compounds: productive Swedish word formation; each compound inflects like its head.
const HEAD_SRC = `
möte|mötet|möten|mötena|ett|e
träff|träffen|träffar|träffarna|en|e
samtal|samtalet|samtal|samtalen|ett|e
genomgång|genomgången|genomgångar|genomgångarna|en|e
dag|dagen|dagar|dagarna|en|e
rutin|rutinen|rutiner|rutinerna|en|t
fråga|frågan|frågor|frågorna|en|t
grupp|gruppen|grupper|grupperna|en|o
forum|forumet|forum|forumen|ett|e
kontakt|kontakten|kontakter|kontakterna|en|t
modell|modellen|modeller|modellerna|en|t
plan|planen|planer|planerna|en|t
part|parten|parter|parterna|en|o
område|området|områden|områdena|ett|t
regel|regeln|regler|reglerna|en|t
tid|tiden|tider|tiderna|en|t
arbete|arbetet|arbeten|arbetena|ett|t
program|programmet|program|programmen|ett|t
period|perioden|perioder|perioderna|en|t
system|systemet|system|systemen|ett|t
lista|listan|listor|listorna|en|t
mängd|mängden|mängder|mängderna|en|t
flöde|flödet|flöden|flödena|ett|t
situation|situationen|situationer|situationerna|en|t
börda|bördan|bördor|bördorna|en|t
fördelning|fördelningen|fördelningar|fördelningarna|en|t
tempo|tempot|tempon|tempona|ett|t
brist|bristen|brister|bristerna|en|t
stöd|stödet|-|-|ett|t
enhet|enheten|enheter|enheterna|en|o
råd|rådet|råd|råden|ett|o
enkät|enkäten|enkäter|enkäterna|en|t
perspektiv|perspektivet|perspektiv|perspektiven|ett|t
behandling|behandlingen|behandlingar|behandlingarna|en|t
ärende|ärendet|ärenden|ärendena|ett|t
utredning|utredningen|utredningar|utredningarna|en|t
höjning|höjningen|höjningar|höjningarna|en|t
roll|rollen|roller|rollerna|en|t
projekt|projektet|projekt|projekten|ett|t
förslag|förslaget|förslag|förslagen|ett|t
utbyte|utbytet|utbyten|utbytena|ett|t
sköterska|sköterskan|sköterskor|sköterskorna|en|a
sida|sidan|sidor|sidorna|en|p
bokning|bokningen|bokningar|bokningarna|en|t
rum|rummet|rum|rummen|ett|p
krav|kravet|krav|kraven|ett|t
beslut|beslutet|beslut|besluten|ett|t
bedömning|bedömningen|bedömningar|bedömningarna|en|t
faktor|faktorn|faktorer|faktorerna|en|t
press|pressen|-|-|en|t
process|processen|processer|processerna|en|t
`;
const COMPOUND_SRC = `
samverkans:möte,rutin,fråga,grupp,forum,kontakt,modell,plan,part,område,arbete
sekretess:fråga,regel,bedömning
utrednings:tid,plan,arbete,fråga,möte,modell,grupp
introduktions:plan,dag,program,tid,period
handläggnings:tid,rutin,system,fråga
ärende:lista,mängd,flöde,genomgång,fråga
arbets:tid,grupp,situation,område,möte,börda,fördelning,tempo
personal:grupp,möte,fråga,situation,brist
lednings:dag,stöd,fråga,möte
mottagnings:tid,grupp,samtal,rutin,enhet
brukar:möte,kontakt,råd,enkät,perspektiv
familje:samtal,situation,behandling,möte
barn:samtal,perspektiv,grupp,ärende,utredning
kompetens:forum,område,fråga,plan,höjning
telefon:tid,samtal,kontakt,lista
vecko:möte,plan,träff
handlednings:grupp,tid,forum,samtal
mentors:samtal,träff,program,roll
chefs:grupp,möte,roll,fråga,stöd
utvecklings:arbete,område,fråga,plan,grupp,samtal,projekt
förbättrings:arbete,förslag
informations:möte,träff,utbyte
uppföljnings:möte,samtal,rutin,fråga,plan
nätverks:träff,möte,grupp
skol:situation,fråga,möte,sköterska
vuxen:sida
barn:sida
ansvars:fråga,fördelning,område
tolk:samtal,bokning
besöks:tid,rum
rekryterings:fråga,process
dokumentations:krav,tid,rutin
placerings:fråga,ärende,beslut
risk:bedömning,faktor
skydds:bedömning,faktor
tids:brist,press,plan
`;

function parseNouns(src) {
  return src.trim().split('\n').map((line) => {
    const [indef, def, pl, defPl, g, cat] = line.split('|');
    const proper = indef === def && pl === '-' && cat === 'o';
    return { indef, def, pl: pl === '-' ? null : pl, defPl: defPl === '-' ? null : defPl, neuter: g === 'ett', cat, proper, mass: pl === '-' && !proper };
  });
}
function compounds() {
  const heads = new Map(parseNouns(HEAD_SRC).map((h) => [h.indef, h]));
  const out = [];
  for (const line of COMPOUND_SRC.trim().split('\n')) {
    const [prefix, list] = line.split(':');
    for (const hw of list.split(',')) {
      const h = heads.get(hw);
      if (!h) throw new Error(`make-corpus: unknown compound head ${hw}`);
      out.push({ ...h, indef: prefix + h.indef, def: prefix + h.def, pl: h.pl && prefix + h.pl, defPl: h.defPl && prefix + h.defPl });
    }
  }
  return out;
}
const BASE_NOUNS = parseNouns(NOUN_SRC);
const BASE_LEMMAS = new Set(BASE_NOUNS.map((n) => n.indef));
// proper names last so that they are rare; compounds in the long tail
const NOUNS = [...BASE_NOUNS.filter((n) => !n.proper), ...compounds().filter((n) => !BASE_LEMMAS.has(n.indef)), ...BASE_NOUNS.filter((n) => n.proper)];
const NOUN_BY_LEMMA = new Map(NOUNS.map((n) => [n.indef, n]));
const byCat = (cats) => NOUNS.filter((n) => cats.includes(n.cat));
const ACTORS = byCat(['a', 'o']);
const PEOPLE = byCat(['a']).filter((n) => n.indef !== 'nyanställd');
const THINGS = byCat(['t', 'e']);
const PLACES = byCat(['p', 'e', 'o']).filter((n) => !n.proper || /mottagningen|enheten/.test(n.indef));
const ANY_NOUN = NOUNS;
const THINGS_COUNTABLE = THINGS.filter((x) => x.pl);

// Adjectives: base|t-form|a-form
const ADJ_SRC = `
viktig|viktigt|viktiga
bra|bra|bra
svår|svårt|svåra
ny|nytt|nya
tydlig|tydligt|tydliga
hög|högt|höga
stor|stort|stora
gemensam|gemensamt|gemensamma
informell|informellt|informella
formell|formellt|formella
administrativ|administrativt|administrativa
erfaren|erfaret|erfarna
enkel|enkelt|enkla
rimlig|rimligt|rimliga
tung|tungt|tunga
akut|akut|akuta
komplex|komplext|komplexa
konkret|konkret|konkreta
fast|fast|fasta
tillgänglig|tillgängligt|tillgängliga
personberoende|personberoende|personberoende
sårbar|sårbart|sårbara
osäker|osäkert|osäkra
stressig|stressigt|stressiga
gammal|gammalt|gamla
dålig|dåligt|dåliga
låg|lågt|låga
trång|trångt|trånga
lugn|lugnt|lugna
ojämn|ojämnt|ojämna
hållbar|hållbart|hållbara
självklar|självklart|självklara
nödvändig|nödvändigt|nödvändiga
flexibel|flexibelt|flexibla
smidig|smidigt|smidiga
krånglig|krångligt|krångliga
tidskrävande|tidskrävande|tidskrävande
värdefull|värdefullt|värdefulla
känslig|känsligt|känsliga
regelbunden|regelbundet|regelbundna
systematisk|systematiskt|systematiska
intern|internt|interna
extern|externt|externa
otydlig|otydligt|otydliga
orimlig|orimligt|orimliga
närvarande|närvarande|närvarande
ordentlig|ordentligt|ordentliga
snabb|snabbt|snabba
långsam|långsamt|långsamma
frustrerande|frustrerande|frustrerande
ovanlig|ovanligt|ovanliga
vanlig|vanligt|vanliga
begränsad|begränsat|begränsade
oklar|oklart|oklara
tillfällig|tillfälligt|tillfälliga
långsiktig|långsiktigt|långsiktiga
kortsiktig|kortsiktigt|kortsiktiga
praktisk|praktiskt|praktiska
effektiv|effektivt|effektiva
gedigen|gediget|gedigna
bred|brett|breda
tidig|tidigt|tidiga
pressad|pressat|pressade
trött|trött|trötta
positiv|positivt|positiva
negativ|negativt|negativa
kritisk|kritiskt|kritiska
skör|skört|sköra
respektfull|respektfullt|respektfulla
rörig|rörigt|röriga
stabil|stabilt|stabila
utsatt|utsatt|utsatta
kommunal|kommunalt|kommunala
digital|digitalt|digitala
ekonomisk|ekonomiskt|ekonomiska
social|socialt|sociala
psykisk|psykiskt|psykiska
juridisk|juridiskt|juridiska
professionell|professionellt|professionella
personlig|personligt|personliga
privat|privat|privata
mänsklig|mänskligt|mänskliga
obekväm|obekvämt|obekväma
meningsfull|meningsfullt|meningsfulla
grundlig|grundligt|grundliga
ömsesidig|ömsesidigt|ömsesidiga
`;
const ADJS = ADJ_SRC.trim().split('\n').map((l) => { const [base, t, a] = l.split('|'); return { base, t, a }; });
const ADJ = (b) => ADJS.find((x) => x.base === b);
// predicate adjectives that make sense for things / for situations
const PERSON_ADJS = ['ny', 'erfaren', 'gammal', 'osäker', 'tillgänglig', 'närvarande', 'lugn', 'snabb', 'gemensam', 'extern', 'intern', 'fast', 'pressad', 'trött', 'utsatt', 'professionell', 'positiv', 'kritisk'].map(ADJ);
const PRED_ADJS = ['viktig', 'svår', 'tydlig', 'hög', 'otydlig', 'tung', 'ojämn', 'personberoende', 'sårbar', 'tidskrävande', 'krånglig', 'orimlig', 'rimlig', 'hållbar', 'värdefull', 'känslig', 'stressig', 'trång', 'bra', 'dålig', 'låg', 'ny', 'enkel', 'frustrerande', 'smidig', 'ovanlig', 'vanlig', 'nödvändig', 'gemensam', 'akut', 'oklar', 'begränsad', 'tillfällig', 'effektiv', 'rörig', 'stabil', 'skör', 'praktisk', 'obekväm', 'meningsfull', 'positiv', 'kritisk'].map(ADJ);

// Verbs: inf|pres|past|sup|particle|object category (t thing, a actor, x either)
const VERB_SRC = `
ha|har|hade|haft||t
få|får|fick|fått||t
diskutera|diskuterar|diskuterade|diskuterat||t
lösa|löser|löste|löst||t
ta|tar|tog|tagit|upp|t
behöva|behöver|behövde|behövt||t
hantera|hanterar|hanterade|hanterat||t
se|ser|såg|sett||t
bolla|bollar|bollade|bollat||t
driva|driver|drev|drivit||t
följa|följer|följde|följt|upp|t
stämma|stämmer|stämde|stämt|av|t
prioritera|prioriterar|prioriterade|prioriterat||t
fråga|frågar|frågade|frågat||a
kontakta|kontaktar|kontaktade|kontaktat||a
märka|märker|märkte|märkt||t
införa|inför|införde|infört||t
sakna|saknar|saknade|saknat||t
skapa|skapar|skapade|skapat||t
bygga|bygger|byggde|byggt|upp|t
förbättra|förbättrar|förbättrade|förbättrat||t
påverka|påverkar|påverkade|påverkat||x
planera|planerar|planerade|planerat||t
samordna|samordnar|samordnade|samordnat||t
dokumentera|dokumenterar|dokumenterade|dokumenterat||t
informera|informerar|informerade|informerat||a
stötta|stöttar|stöttade|stöttat||a
tolka|tolkar|tolkade|tolkat||t
använda|använder|använde|använt||t
förklara|förklarar|förklarade|förklarat||t
utveckla|utvecklar|utvecklade|utvecklat||t
genomföra|genomför|genomförde|genomfört||t
beskriva|beskriver|beskrev|beskrivit||t
ändra|ändrar|ändrade|ändrat||t
fördela|fördelar|fördelade|fördelat||t
skicka|skickar|skickade|skickat||t
boka|bokar|bokade|bokat||t
tänja|tänjer|tänjde|tänjt|på|t
sammankalla|sammankallar|sammankallade|sammankallat||e
dela|delar|delade|delat||t
förstå|förstår|förstod|förstått||t
underlätta|underlättar|underlättade|underlättat||t
organisera|organiserar|organiserade|organiserat||t
avsluta|avslutar|avslutade|avslutat||t
tappa|tappar|tappade|tappat||t
fånga|fångar|fångade|fångat|upp|t
lyfta|lyfter|lyfte|lyft||t
ordna|ordnar|ordnade|ordnat||t
förankra|förankrar|förankrade|förankrat||t
uppmuntra|uppmuntrar|uppmuntrade|uppmuntrat||a
introducera|introducerar|introducerade|introducerat||a
mejla|mejlar|mejlade|mejlat||a
ringa|ringer|ringde|ringt|upp|a
avlasta|avlastar|avlastade|avlastat||a
värna|värnar|värnade|värnat|om|t
kartlägga|kartlägger|kartlade|kartlagt||t
bedöma|bedömer|bedömde|bedömt||t
utreda|utreder|utredde|utrett||t
motivera|motiverar|motiverade|motiverat||a
förenkla|förenklar|förenklade|förenklat||t
efterfråga|efterfrågar|efterfrågade|efterfrågat||t
granska|granskar|granskade|granskat||t
vidarebefordra|vidarebefordrar|vidarebefordrade|vidarebefordrat||t
kalla|kallar|kallade|kallat|till|e
ställa|ställer|ställde|ställt|in|e
flytta|flyttar|flyttade|flyttat||t
rapportera|rapporterar|rapporterade|rapporterat||t
godkänna|godkänner|godkände|godkänt||t
reda|reder|redde|rett|ut|t
sortera|sorterar|sorterade|sorterat||t
bemöta|bemöter|bemötte|bemött||a
handleda|handleder|handledde|handlett||a
lotsa|lotsar|lotsade|lotsat||a
välkomna|välkomnar|välkomnade|välkomnat||a
avgränsa|avgränsar|avgränsade|avgränsat||t
konkretisera|konkretiserar|konkretiserade|konkretiserat||t
missa|missar|missade|missat||t
hinna|hinner|hann|hunnit|med|t
skjuta|skjuter|sköt|skjutit|upp|t
skola|skolar|skolade|skolat|in|a
prova|provar|provade|provat||t
efterlysa|efterlyser|efterlyste|efterlyst||t
formulera|formulerar|formulerade|formulerat||t
uppdatera|uppdaterar|uppdaterade|uppdaterat||t
bevaka|bevakar|bevakade|bevakat||t
synliggöra|synliggör|synliggjorde|synliggjort||t
ifrågasätta|ifrågasätter|ifrågasatte|ifrågasatt||t
`;
const VERBS = VERB_SRC.trim().split('\n').map((l) => {
  const [inf, pres, past, sup, part, obj] = l.split('|');
  return { inf, pres, past, sup, part, obj };
});

// Intransitive verb + preposition + actor: inf|pres|past|sup|prep
const PVERB_SRC = `
prata|pratar|pratade|pratat|med
ringa|ringer|ringde|ringt|till
samarbeta|samarbetar|samarbetade|samarbetat|med
bolla|bollar|bollade|bollat|med
samverka|samverkar|samverkade|samverkat|med
stämma av|stämmer av|stämde av|stämt av|med
gå|går|gick|gått|till
lita|litar|litade|litat|på
vänta|väntar|väntade|väntat|på
konsultera|konsulterar|konsulterade|konsulterat|med
`;
// a particle ("stämma av") is kept apart so that sentence adverbs can go between verb and particle
const PVERBS = PVERB_SRC.trim().split('\n').map((l) => {
  const [inf, pres, past, sup, prep] = l.split('|');
  const head = (w) => w.split(' ')[0];
  const part = inf.includes(' ') ? inf.slice(inf.indexOf(' ') + 1) : '';
  return { inf: head(inf), pres: head(pres), past: head(past), sup: head(sup), part, prep };
});

const SENT_ADVS = ['ju', 'ofta', 'faktiskt', 'egentligen', 'ibland', 'också', 'nog', 'fortfarande', 'inte', 'alltid', 'verkligen', 'oftast', 'redan', 'sällan', 'kanske', 'bara', 'ändå', 'snarare', 'aldrig', 'numera', 'gärna', 'helst'];
const DEG_ADVS = ['väldigt', 'ganska', 'lite', 'rätt', 'mycket', 'alldeles för', 'otroligt', 'något', 'så', 'inte särskilt'];
const TIME_ADVS = ['i dag', 'just nu', 'varje vecka', 'nästan varje dag', 'den här terminen', 'på måndagarna', 'efter lunch', 'på fredagseftermiddagarna', 'numera', 'i vardagen', 'för det mesta', 'i det dagliga arbetet', 'mellan samtalen', 'innan ärendedragningen', 'under sommaren', 'på kvällarna', 'efter varje hembesök'];
const PAST_TIME = ['i höstas', 'i våras', 'förra veckan', 'förra terminen', 'i somras', 'i början', 'förra månaden', 'efter jul', 'under hösten', 'i augusti', 'i januari', 'på en utvecklingsdag', 'för ett tag sedan', 'häromdagen'];
const FRONT_ADVS = ['Ibland', 'Ofta', 'I praktiken', 'Hos oss', 'På vår enhet', 'I dag', 'Numera', 'Egentligen', 'Då', 'Sedan', 'Oftast', 'I början', 'För det mesta', 'Samtidigt', 'I vissa ärenden', 'När det är som stökigast', 'Just nu', 'Faktiskt', 'Förut', 'Efter omorganisationen', 'På mottagningen', 'I de svåra ärendena'];
const NUMWORDS = ['två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv', 'femton', 'tjugo'];
const ORDINALS = ['första', 'andra', 'tredje', 'fjärde', 'femte', 'sjätte', 'sjunde', 'åttonde'];

const AREAS = [
  'brukardelaktighet och återkoppling från brukarna',
  'introduktion och mentorskap för nyanställda',
  'ett rimligt antal ärenden per medarbetare',
  'ett lokalt forum för kompetensutveckling',
  'en nära och tillgänglig ledning',
  'administrativt stöd till socialsekreterarna',
  'administrativt stöd till cheferna',
  'medhandläggarskap',
  'systematisk ärendehandledning',
  'fortbildning och specialistutbildning',
  'mottagandet av studenter',
  'mottagandet av traineer',
  'lämpliga lokaler och fungerande arbetsredskap',
];

const FILLERS = [
  'Ja, precis.', 'Mm, det stämmer.', 'Det håller jag med om.', 'Så är det ju.', 'Jag vet inte riktigt.',
  'Det beror lite på.', 'Absolut.', 'Nej, verkligen inte.', 'Ja, det tycker jag.', 'Det har blivit bättre.',
  'Det är svårt att säga.', 'Så ser det ut hos oss också.', 'Jag känner igen det där.', 'Ja, alltså, det är ju så.',
  'Där har vi en bit kvar.', 'Det är ju det som är svårt.', 'Det tror jag är viktigt.', 'Nej, det har vi inte.',
  'Ja, i alla fall ibland.', 'Det skulle jag också säga.', 'Mm.', 'Ja.', 'Nej.', 'Precis så.',
  'Det är en bra fråga.', 'Jag får nog tänka lite på den.', 'Det märks i vardagen.', 'Det är inte alltid lätt.',
  'Men det är klart, det varierar.', 'Så har det varit länge.', 'Det har vi pratat mycket om.', 'Det händer hela tiden.',
  'Och det är ingen kritik mot någon.', 'Det är bara så det blir.', 'Det kan jag skriva under på.',
  'Jag vill inte låta negativ.', 'Det var inte bättre förut heller.', 'Vi är inte riktigt där än.',
  'Och det fungerar för det mesta.', 'Men det tar tid.', 'Det är en känsla jag har.', 'Det är min bild i alla fall.',
];
const QUOTES = [
  'har du fem minuter?', 'hur skulle du ha gjort här?', 'kan du läsa det här innan jag skickar det?',
  'vet du vem jag ska ringa?', 'har ni sett samma sak som vi?', 'det här är inte vårt bord',
  'jag kan inte säga något, men ringa kan du alltid göra', 'vi löser det', 'det får vi ta efteråt',
  'kan du komma in en kvart?', 'vem äger frågan?', 'hur gör vi med samtycket?', 'vi tar det i korridoren',
  'det där är en punkt i handlingsplanen', 'ring mig om det krånglar', 'det här klarar du',
  'vem har ansvaret nu?', 'har ni hunnit prata med skolan?', 'jag följer med', 'vi hörs i eftermiddag',
];
const CONSEQ = [
  'blir det dubbelarbete', 'faller klienten mellan stolarna', 'tar det veckor', 'stannar ärendet upp',
  'får familjen vänta', 'hamnar allt hos oss', 'blir det svårt för alla', 'tappar vi kontakten',
  'blir det ingen helhet', 'får någon annan ta smällen', 'sitter man ensam med det', 'slutar folk',
  'måste man börja om från början', 'vet ingen vad som gäller', 'blir det bara ännu ett papper',
];
const DASH_TAILS = [
  'åtminstone på papperet', 'och det märks', 'i alla fall ibland', 'men inte alltid', 'det ska sägas',
  'om man ska vara ärlig', 'och det är ingen slump', 'vilket ingen riktigt räknar med', 'men det tar tid',
  'på gott och ont', 'och det gäller alla enheter', 'i synnerhet på fredagar', 'fast ingen säger det högt',
  'inte minst för de nya', 'och det vet alla', 'även om det inte syns i statistiken',
];
const OPENERS = ['Alltså,', 'Ja,', 'Nej,', 'Men', 'Och', 'Fast', 'Jo,', 'Ja men', 'Jag menar,', 'Precis,', 'Nja,', 'Ärligt talat,'];
const PRON_SUBJ = [['jag', 'sg'], ['vi', 'pl'], ['man', 'sg'], ['de', 'pl'], ['hon', 'sg'], ['han', 'sg']];
const PRON_W = [28, 26, 14, 8, 4, 3];

const FIRST_NAMES = ['Anna', 'Maria', 'Sara', 'Elin', 'Karin', 'Johanna', 'Lena', 'Eva', 'Emma', 'Linnea', 'Åsa', 'Helena', 'Fatima', 'Amira', 'Leila', 'Zainab', 'Ida', 'Malin', 'Therese', 'Petra', 'Ulrika', 'Vera', 'Johan', 'Mikael', 'Per', 'Anders', 'Erik', 'Lars', 'Jonas', 'Magnus', 'Daniel', 'Ahmed', 'Omar', 'Tomas', 'Fredrik', 'Örjan', 'Björn', 'Henrik', 'Carl', 'Niklas', 'Rasmus', 'Yusuf', 'Gustav', 'Östen'];
const LAST_NAMES = ['Andersson', 'Lindqvist', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Berg', 'Holm', 'Sandberg', 'Öberg', 'Åkesson', 'Östlund', 'Ekström', 'Wikström', 'Persson', 'Svensson', 'Jonsson', 'Hassan', 'Ali', 'Strand', 'Lund', 'Falk', 'Norberg', 'Dahl', 'Forsberg', 'Engström', 'Sjöberg', 'Bergström', 'Hedlund', 'Nyström', 'Åström', 'Ibrahim', 'Yilmaz', 'Mattsson', 'Göransson', 'Rahimi', 'Vikander', 'Quist'];
const UNITS = ['mottagningen för barn och unga', 'utredningsenheten', 'ekonomiskt bistånd', 'vuxenenheten', 'familjebehandlingen', 'socialpsykiatrin', 'enheten för funktionsnedsättning', 'biståndsenheten inom äldreomsorgen', 'missbruksenheten', 'placeringsenheten', 'mottagningen på ekonomiskt bistånd', 'enheten för unga vuxna'];
const CHEF_ROLES = ['enhetschef', 'enhetschef', 'biträdande enhetschef', 'sektionschef'];
const STAFF_ROLES = ['socialsekreterare', 'socialsekreterare', 'socialsekreterare', 'biståndshandläggare', 'familjebehandlare', 'utredare', 'handläggare'];

// Topics: interviewer questions about a theme; boosted nouns make the answers stay on it.
const TOPICS = [
  { key: 'bollande', nouns: ['bollande', 'kollega', 'avstämning', 'konsultation', 'korridor', 'osäkerhet'], q: ['Hur ser bollandet mellan kollegorna ut hos er?', 'Vem bollar ni med när ni kör fast i ett ärende?', 'Kan ni ge exempel på när ni har bollat ett ärende med någon utanför enheten?', 'Hur mycket tid tror ni att bollandet tar en vanlig vecka?'] },
  { key: 'samordning', nouns: ['samordning', 'ärende', 'möte', 'vårdplan', 'samordnare', 'insats'], q: ['Vem driver ärendet framåt när många aktörer är inblandade?', 'Hur samordnar ni insatserna när en familj har flera kontakter?', 'Vad händer när ingen tar ansvar för helheten?'] },
  { key: 'foretradare', nouns: ['klient', 'brukare', 'Försäkringskassan', 'Arbetsförmedlingen', 'hyresvärd', 'möte'], q: ['Händer det att ni för klientens talan gentemot andra myndigheter?', 'Kan ni beskriva en situation där ni följde med en klient till ett möte?', 'Hur ser ni på att vara någon slags ombud för klienten?'] },
  { key: 'uppdrag', nouns: ['uppdrag', 'mandat', 'ansvar', 'gräns', 'arbetsuppgift', 'riktlinje'], q: ['Händer det att ni tänjer på ert uppdrag?', 'Var går gränsen för vad som är ert ansvar?', 'Vad gör ni när en uppgift inte riktigt passar in i någons uppdrag?'] },
  { key: 'improviserat', nouns: ['möte', 'samtal', 'korridor', 'personalrum', 'hembesök', 'skola'], q: ['Hur vanligt är det med möten som inte var planerade?', 'Kan ni berätta om ett improviserat möte som blev viktigt?', 'Var någonstans sker de spontana samtalen?'] },
  { key: 'egnauppgifter', nouns: ['arbetsuppgift', 'uppgift', 'tidsfrist', 'utredning', 'beslut', 'bedömning'], q: ['Vad skulle hända med era egna arbetsuppgifter om ni inte hade de informella kontakterna?', 'Hur påverkar andra aktörer möjligheten att bli klar med en utredning?'] },
  { key: 'helhet', nouns: ['familj', 'insats', 'helhet', 'klient', 'samverkan', 'kontakt'], q: ['Hur håller ni ihop hjälpen till en familj med många kontakter?', 'Vad krävs för att klienten inte ska hamna mellan stolarna?'] },
  { key: 'osakerhet', nouns: ['oro', 'osäkerhet', 'känsla', 'stress', 'kollega', 'hembesök'], q: ['Hur hanterar ni oron efter ett svårt ärende?', 'Vart tar ni vägen med känslorna efter ett tungt hembesök?', 'Finns det utrymme att prata om osäkerhet i arbetsgruppen?'] },
  { key: 'tillit', nouns: ['tillit', 'relation', 'förtroende', 'kontakt', 'nätverk', 'kontaktperson'], q: ['Hur bygger ni upp förtroende med samarbetspartner?', 'Vad betyder de personliga relationerna för samverkan?', 'Vad händer med nätverket när någon slutar?'] },
  { key: 'arbetsbelastning', nouns: ['arbetsbelastning', 'personalomsättning', 'vakans', 'ärende', 'stress', 'tid'], q: ['Hur ser arbetsbelastningen ut just nu?', 'Hur påverkar personalomsättningen ert arbete?', 'Har arbetsbelastningen förändrats sedan förra terminen?'] },
  { key: 'sekretess', nouns: ['sekretess', 'samtycke', 'uppgift', 'lathund', 'jurist', 'information'], q: ['Hur tolkar ni sekretessen i kontakten med andra enheter?', 'Vad gör ni när ni är osäkra på vad ni får berätta?', 'Hur ofta frågar ni klienterna om samtycke?'] },
  { key: 'granser', nouns: ['enhet', 'förvaltning', 'gräns', 'vuxenenheten', 'avstånd', 'organisation'], q: ['Hur fungerar kontakterna mellan enheterna i förvaltningen?', 'Vad betyder det att ni sitter på olika våningar eller i olika hus?'] },
  { key: 'ledarskap', nouns: ['chef', 'ledning', 'ledarskap', 'enhetschef', 'sektionschef', 'ledningsgrupp'], q: ['Hur upplever ni att ledningen ser på de informella kontakterna?', 'Är ledningen nära och tillgänglig för er?', 'Hur har ert ledarskap förändrats under arbetet med handlingsplanen?'] },
  { key: 'handlingsplan', nouns: ['handlingsplan', 'punkt', 'förbättringsområde', 'prioritering', 'arbetsplatsträff', 'utvecklingsdag'], q: ['Var står ni i arbetet med handlingsplanen just nu?', 'Vilka punkter i handlingsplanen har ni prioriterat den här terminen?', 'Hur är medarbetarna delaktiga i arbetet med handlingsplanen?'] },
  { key: 'samverkan', nouns: ['samverkan', 'skola', 'psykiatrin', 'BUP', 'myndighet', 'kontakt'], q: ['Hur fungerar samverkan med skolan och hälso- och sjukvården?', 'Vad har hänt med samverkan sedan vi sågs senast?', 'Vilka samverkansparter är svårast att nå?'] },
  { key: 'admin', nouns: ['stöd', 'administratör', 'blankett', 'kallelse', 'dokumentation', 'tolk'], q: ['Hur har det administrativa stödet fungerat?', 'Vad gör administratörerna hos er?', 'Hur mycket av arbetstiden går till administration?'] },
  { key: 'kompetens', nouns: ['kompetensutveckling', 'utbildning', 'fortbildning', 'handledning', 'ärendehandledning', 'kunskap'], q: ['Vilka möjligheter finns till kompetensutveckling?', 'Hur fungerar ärendehandledningen hos er?', 'Har ni kunnat gå på någon utbildning den här terminen?'] },
  { key: 'introduktion', nouns: ['introduktion', 'mentor', 'mentorskap', 'nyanställd', 'kollega', 'student'], q: ['Hur tas nyanställda emot hos er?', 'Hur fungerar introduktionen och mentorskapet?', 'Vad behöver en ny socialsekreterare de första månaderna?'] },
  { key: 'brukare', nouns: ['brukardelaktighet', 'brukare', 'enkät', 'återkoppling', 'klient', 'delaktighet'], q: ['Hur arbetar ni med brukardelaktighet?', 'Får ni någon återkoppling från brukarna?', 'Hur tar ni tillvara klienternas synpunkter?'] },
  { key: 'lokaler', nouns: ['lokal', 'arbetsrum', 'samtalsrum', 'reception', 'väntrum', 'korridor'], q: ['Hur fungerar lokalerna för ert arbete?', 'Vad betyder arbetsrummen och samtalsrummen för arbetsmiljön?'] },
  { key: 'omorganisation', nouns: ['omorganisation', 'förändring', 'oro', 'flöde', 'enhet', 'process'], q: ['Hur har omorganisationen påverkat arbetet?', 'Vad händer med utvecklingsarbetet när organisationen förändras?'] },
];
// term index → extra weight on some topics, so the terms read differently
const TERM_TOPIC_BIAS = [
  { handlingsplan: 3, introduktion: 2, arbetsbelastning: 2 },
  { admin: 3, introduktion: 2, bollande: 2 },
  { lokaler: 2, ledarskap: 2, omorganisation: 2 },
  { omorganisation: 3, kompetens: 2, samverkan: 2 },
  { brukare: 3, kompetens: 2, handlingsplan: 2 },
];

// ---------------------------------------------------------- generator ----

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const gen = (w) => (/[sxz]$/.test(w) ? w : w + 's');
const join = (...parts) => parts.filter(Boolean).join(' ');

class Speech {
  constructor(rng) { this.r = rng; this.topicNouns = []; }

  setTopic(topic) {
    this.topicNouns = topic.nouns.map((l) => NOUN_BY_LEMMA.get(l)).filter(Boolean);
  }

  noun(pool) {
    const r = this.r;
    if (this.topicNouns.length && r.chance(0.3)) {
      const cands = this.topicNouns.filter((n) => pool.includes(n));
      if (cands.length) return r.pick(cands);
    }
    return r.zipf(pool, 1.05);
  }

  adjFor(n) {
    if (n.indef === 'stöd' && this.r.chance(0.75)) return ADJ('administrativ');
    if (n.cat === 'a') return this.r.zipf(PERSON_ADJS, 0.8);
    return this.r.zipf(ADJS, 0.9);
  }

  // returns { t, pl, neuter }
  np(pool = ANY_NOUN) {
    const r = this.r; const n = this.noun(pool);
    if (n.proper) return { t: n.def, pl: false, neuter: false };
    if (n.indef === 'nyanställd') return r.chance(0.6) ? { t: 'de nyanställda', pl: true } : { t: 'en nyanställd', pl: false };
    const a = () => this.adjFor(n);
    if (n.mass) {
      return r.weighted([
        [50, () => ({ t: n.def, pl: false, neuter: n.neuter })],
        [18, () => ({ t: n.indef, pl: false, neuter: n.neuter })],
        [14, () => { const x = a(); return { t: `${n.neuter ? x.t : x.base} ${n.indef}`, pl: false, neuter: n.neuter }; }],
        [6, () => ({ t: `${r.pick(['mer', 'mindre', 'bättre', 'lite mer', 'tillräckligt med'])} ${n.indef}`, pl: false, neuter: n.neuter })],
        [8, () => ({ t: `${n.neuter ? 'vårt' : 'vår'} ${n.indef}`, pl: false, neuter: n.neuter })],
        [4, () => ({ t: `${n.neuter ? 'det' : 'den'} ${a().a} ${n.def}`, pl: false, neuter: n.neuter })],
      ])();
    }
    const art = n.neuter ? 'ett' : 'en';
    return r.weighted([
      [34, () => ({ t: n.def, pl: false, neuter: n.neuter })],
      [15, () => ({ t: n.defPl, pl: true })],
      [11, () => ({ t: `${art} ${n.indef}`, pl: false, neuter: n.neuter })],
      [7, () => { const x = a(); return { t: `${art} ${n.neuter ? x.t : x.base} ${n.indef}`, pl: false, neuter: n.neuter }; }],
      [8, () => ({ t: n.pl, pl: true })],
      [7, () => ({ t: `${a().a} ${n.pl}`, pl: true })],
      [5, () => ({ t: `${r.pick(['många', 'flera', 'några', 'fler', 'alla'])} ${n.pl}`, pl: true })],
      [8, () => {
        const pl = r.chance(0.35);
        const poss = r.pick([['vår', 'vårt', 'våra'], ['min', 'mitt', 'mina'], ['deras', 'deras', 'deras'], ['hennes', 'hennes', 'hennes']]);
        return pl ? { t: `${poss[2]} ${n.pl}`, pl: true } : { t: `${n.neuter ? poss[1] : poss[0]} ${n.indef}`, pl: false, neuter: n.neuter };
      }],
      [4, () => (r.chance(0.5) ? { t: `de ${a().a} ${n.defPl}`, pl: true } : { t: `${n.neuter ? 'det' : 'den'} ${a().a} ${n.def}`, pl: false, neuter: n.neuter })],
      [4, () => { const owner = this.noun(PEOPLE); return { t: `${gen(r.chance(0.6) ? owner.defPl : owner.def)} ${n.indef}`, pl: false, neuter: n.neuter }; }],
    ])();
  }

  subj() {
    const r = this.r;
    if (r.chance(0.68)) { const [p, num] = r.weighted(PRON_SUBJ.map((x, i) => [PRON_W[i], x])); return { t: p, pl: num === 'pl', pron: true }; }
    return this.np(ACTORS);
  }

  obj(v) {
    if (v.obj === 'a') return this.np(ACTORS).t;
    if (v.obj === 'e') return this.np(byCatCache.e).t;
    if (v.obj === 'x') return this.np(ANY_NOUN).t;
    return this.np(THINGS).t;
  }

  pp() {
    const r = this.r;
    return r.weighted([
      [5, () => `med ${this.np(ACTORS).t}`],
      [3, () => `för ${this.np(ACTORS).t}`],
      [2, () => `till ${this.np(ACTORS).t}`],
      [2, () => `från ${this.np(ACTORS).t}`],
      [3, () => `på ${this.np(PLACES).t}`],
      [3, () => `i ${this.np(THINGS).t}`],
      [2, () => `om ${this.np(THINGS).t}`],
      [2, () => `kring ${this.np(THINGS).t}`],
      [1, () => `inom ${this.np(THINGS).t}`],
      [1, () => `utan ${this.np(THINGS).t}`],
      [1, () => `efter ${this.np(THINGS).t}`],
    ])();
  }

  adv() { return this.r.zipf(SENT_ADVS, 1.0); }
  maybe(p, f) { return this.r.chance(p) ? f() : ''; }
  verb() { return this.r.zipf(VERBS, 0.9); }

  // one declarative sentence (participant speech)
  sentence() {
    const r = this.r;
    const s = r.weighted([
      [14, () => { const S = this.subj(), v = this.verb(); return join(S.t, v.pres, this.maybe(0.45, () => this.adv()), v.part, this.obj(v), this.maybe(0.45, () => this.pp()), this.maybe(0.2, () => r.pick(TIME_ADVS))) + '.'; }],
      [10, () => { const S = this.subj(), v = this.verb(); return join(r.zipf(FRONT_ADVS), v.pres, S.t, this.maybe(0.3, () => this.adv()), v.part, this.obj(v), this.maybe(0.4, () => this.pp())) + '.'; }],
      [8, () => { const S = this.subj(), v = this.verb(); return join(S.t, 'har', this.maybe(0.35, () => this.adv()), v.sup, v.part, this.obj(v), this.maybe(0.35, () => this.pp()), this.maybe(0.4, () => r.pick(PAST_TIME))) + '.'; }],
      [7, () => { const S = this.subj(), v = this.verb(); return join(S.t, v.past, v.part, this.obj(v), this.maybe(0.4, () => this.pp()), r.pick(PAST_TIME)) + '.'; }],
      [7, () => { const v = this.verb(); return join('Det är', this.maybe(0.4, () => r.zipf(DEG_ADVS)), r.zipf(PRED_ADJS).t, 'att', v.inf, v.part, this.obj(v), this.maybe(0.4, () => this.pp())) + '.'; }],
      [7, () => { const S = this.subj(), v = this.verb(); return join(r.pick(['Jag tycker att', 'Jag tror att', 'Jag upplever att', 'Min känsla är att', 'Det märks att', 'Det är tydligt att', 'Jag har märkt att']), S.t, this.maybe(0.35, () => r.pick(['ofta', 'inte', 'alltid', 'fortfarande', 'sällan', 'faktiskt'])), v.pres, v.part, this.obj(v), this.maybe(0.3, () => this.pp())) + '.'; }],
      [5, () => { const S = this.subj(), v = this.verb(), S2 = this.subj(), v2 = this.verb(); return join('När', S.t, v.pres, v.part, this.obj(v) + ',', 'så', v2.pres, S2.t, this.maybe(0.3, () => this.adv()), v2.part, this.obj(v2)) + '.'; }],
      [8, () => { const N = this.np(THINGS), A = r.zipf(PRED_ADJS); return join(N.t, 'är', this.maybe(0.35, () => r.pick(['ofta', 'fortfarande', 'faktiskt', 'nog', 'inte', 'ju', 'ibland'])), this.maybe(0.5, () => r.zipf(DEG_ADVS)), N.pl ? A.a : (N.neuter ? A.t : A.base)) + '.'; }],
      [9, () => { const S = this.subj(), v = r.zipf(PVERBS); return join(S.t, v.pres, this.maybe(0.45, () => this.adv()), v.part, v.prep, this.np(ACTORS).t, this.maybe(0.4, () => `om ${this.np(THINGS).t}`), this.maybe(0.2, () => r.pick(TIME_ADVS))) + '.'; }],
      [4, () => { const S = this.subj(), v = this.verb(); return join('Om', S.t, 'inte', v.pres, v.part, this.obj(v) + ',', 'så', r.pick(CONSEQ)) + '.'; }],
      [4, () => join('Det handlar', r.pick(['ju', 'mycket', 'egentligen', 'ofta', '']), 'om', this.np(THINGS).t, 'och', this.np(THINGS).t) + '.'],
      [4, () => { const n = this.noun(THINGS); const neg = n.mass ? (n.neuter ? 'inget' : 'ingen') : r.pick(['inga', n.neuter ? 'inget' : 'ingen']); const word = neg === 'inga' ? n.pl : n.indef; const a = this.maybe(0.4, () => { const x = r.zipf(ADJS); return neg === 'inga' ? x.a : (n.neuter ? x.t : x.base); }); return join('Det finns', this.maybe(0.3, () => r.pick(['fortfarande', 'egentligen', 'faktiskt'])), neg, a, word, this.maybe(0.5, () => this.pp())) + '.'; }],
      [3, () => { const n = this.noun(THINGS_COUNTABLE); return join(r.pick(['Vi har fler', 'Jag har fler', 'Vi har färre', 'Det blir fler', 'Det finns fler']), n.pl, 'än', r.pick(['förra året', 'förra terminen', 'innan', 'i våras', 'när jag började'])) + '.'; }],
      [6, () => { const v = this.verb(), S = this.subj(); return join(r.pick(['Man säger', 'Då säger man', 'Man frågar', 'Jag brukar säga', 'Hon sa', 'Någon sa']), '”' + cap(r.pick(QUOTES)) + '”', 'och så', v.pres, S.t, v.part, this.obj(v)) + '.'; }],
      [4, () => { const S = this.subj(), v = this.verb(); return join(S.t, v.pres, v.part, this.obj(v), '–', r.pick(DASH_TAILS)) + '.'; }],
      [4, () => { const area = r.pick(AREAS); return r.weighted([
        [1, () => `Vi har mest jobbat med ${area} den här terminen.`],
        [1, () => `${cap(area)} är nog det område där vi har kommit längst.`],
        [1, () => `Jag skulle vilja att vi prioriterade ${area} framöver.`],
        [1, () => `Punkt ${NUMWORDS[r.int(0, 10)]} handlar ju om ${area}, och där har det hänt en del.`],
        [1, () => `När det gäller ${area} har vi inte kommit så långt än.`],
      ])(); }],
      [3, () => { const [who, own] = r.pick([['Jag har', 'min'], ['Vi har', 'vår'], ['Hon har', 'sin'], ['Varje handläggare har', 'sin'], ['Han har', 'sin']]); return join(who, r.chance(0.5) ? String(r.int(18, 75)) : r.pick(NUMWORDS), r.pick(['ärenden', 'hushåll', 'familjer', 'utredningar', 'pågående insatser']), r.pick(['just nu', 'i dag', `på ${own} lista`, 'som det ser ut nu'])) + '.'; }],
      [3, () => { const v = r.zipf(PVERBS); return join('Det är', r.pick(['där', 'då', 'därför']), 'man', v.pres, v.part, v.prep, this.np(ACTORS).t) + '.'; }],
      [7, () => r.zipf(FILLERS, 0.8)],
    ])();
    const raw = s.replace(/\s+/g, ' ').trim();
    if (r.chance(0.12) && !/^(Ja|Nej|Mm|Precis|Absolut|Så)\b/.test(raw)) {
      const first = raw.split(' ', 1)[0];
      const rest = PROPER_WORDS.has(first) ? raw : raw.charAt(0).toLowerCase() + raw.slice(1);
      return `${r.pick(OPENERS)} ${rest}`;
    }
    return cap(raw);
  }

  paragraph(min = 1, max = 5) {
    const r = this.r; const n = r.weighted([[3, 1], [5, 2], [5, 3], [3, 4], [2, 5]].filter(([, k]) => k >= min && k <= max));
    const out = [];
    for (let i = 0; i < n; i++) out.push(this.sentence());
    return out.join(' ');
  }

  question(topic) {
    const r = this.r;
    if (r.chance(0.55)) return r.pick(topic.q);
    const v = this.verb();
    return r.weighted([
      [3, () => `Kan ni berätta mer om ${this.np(THINGS).t}?`],
      [3, () => `Hur ser ni på ${this.np(THINGS).t}?`],
      [2, () => `Vad betyder ${this.np(THINGS).t} för er i vardagen?`],
      [2, () => `Hur ${v.pres} ni ${v.part ? v.part + ' ' : ''}${this.obj(v)} i dag?`],
      [2, () => `Har det hänt något med ${this.np(THINGS).t} sedan förra terminen?`],
      [2, () => `Ni nämnde ${this.np(THINGS).t} tidigare. Kan någon utveckla det?`],
      [1, () => `Hur påverkar ${this.np(THINGS).t} ert arbete?`],
      [1, () => { const pv = r.zipf(PVERBS); return `Vem ${join(pv.pres, 'ni oftast', pv.part, pv.prep)} när det gäller ${this.np(THINGS).t}?`; }],
    ])();
  }
}
const byCatCache = { e: byCat(['e']) };
const PROPER_WORDS = new Set(NOUNS.filter((n) => /^[A-ZÅÄÖ]/.test(n.indef)).map((n) => n.indef));

function initialsFor(rng, taken) {
  for (let tries = 0; tries < 500; tries++) {
    const first = rng.pick(FIRST_NAMES), last = rng.pick(LAST_NAMES);
    const label = first[0] + last[0];
    if (!taken.has(label) && !taken.has(first) && label !== 'IP') { taken.add(label); taken.add(first); return { first, last, label }; }
  }
  throw new Error('could not assign unique initials');
}

function fmtTime(sec) {
  const h = Math.floor(sec / 3600), m = Math.floor((sec % 3600) / 60), s = Math.floor(sec % 60);
  return `[${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}] `;
}

function countWords(s) { const m = s.match(/\S+/g); return m ? m.length : 0; }

// Generates one transcript as a string.
function transcript(slot, targetWords, seed) {
  const r = new Rng((seed ^ hashString(slot.key)) >>> 0);
  const sp = new Speech(r);
  const nPart = r.int(3, 5);
  const taken = new Set(['I']);
  const people = Array.from({ length: nPart }, () => initialsFor(r, taken));
  const stampP = r.chance(0.45) ? 0.15 + r.float() * 0.2 : 0; // some files carry timestamps
  let clock = r.int(3, 20);
  const paras = []; let words = 0;

  const turn = (label, paragraphs) => {
    const stamp = stampP && (paras.length === 0 || r.chance(stampP)) ? fmtTime(clock) : '';
    paragraphs.forEach((p, i) => {
      const line = i === 0 ? `${stamp}${label}: ${p}` : p;
      paras.push(line); words += countWords(line);
    });
    clock += countWords(paragraphs.join(' ')) / 2.4 + r.int(1, 4);
  };

  const chef = slot.group === 'chef';
  const round = ORDINALS[TERMS.indexOf(slot.term)] ?? 'nästa';
  turn('I', [`Välkomna, och tack för att ni tar er tid. Det här är den ${round} intervjuomgången i ${slot.district}, och i dag träffar jag ${chef ? 'chefsgruppen' : 'en grupp medarbetare'}. Jag spelar in samtalet, men ingen kommer att kunna kännas igen i det som skrivs. Kan vi börja med en kort presentationsrunda?`]);
  for (const p of people) {
    const role = r.pick(chef ? CHEF_ROLES : STAFF_ROLES);
    const years = r.chance(0.2) ? 'ett halvår' : `${r.pick(NUMWORDS)} år`;
    turn(p.label, [r.weighted([
      [2, () => `${p.first}, ${role} på ${r.pick(UNITS)}. Jag har jobbat här i ${years}.`],
      [1, () => `Jag heter ${p.first} och är ${role} på ${r.pick(UNITS)} sedan ${r.pick(['i höstas', 'i våras', 'några år tillbaka', 'förra året', 'länge'])}.`],
      [1, () => `${p.first} heter jag. ${cap(role)}, ${r.pick(UNITS)}, i ungefär ${years}.`],
    ])()]);
  }

  const bias = TERM_TOPIC_BIAS[TERMS.indexOf(slot.term)] || {};
  const topicPairs = TOPICS.map((t) => [bias[t.key] || 1, t]);
  let prev = null;
  while (words < targetWords - 60) {
    const topic = r.weighted(topicPairs);
    sp.setTopic(topic);
    turn('I', [r.chance(0.25) ? `${r.pick(['Okej.', 'Tack.', 'Mm, intressant.', 'Då går vi vidare.', 'Jag tänkte byta spår lite.'])} ${sp.question(topic)}` : sp.question(topic)]);
    const answers = r.int(2, 6);
    for (let k = 0; k < answers && words < targetWords - 60; k++) {
      let who; do { who = r.pick(people); } while (who === prev && people.length > 1);
      prev = who;
      const nPara = r.weighted([[6, 1], [3, 2], [1, 3]]);
      const ps = []; for (let i = 0; i < nPara; i++) ps.push(sp.paragraph());
      turn(who.label, ps);
      if (r.chance(0.12) && k < answers - 1) { turn('I', [r.pick(['Mm.', 'Ja.', 'Okej.', 'Kan du ge ett exempel?', 'Hur menar du då?', 'Känner fler igen sig i det?', 'Fortsätt gärna.'])]); prev = null; }
    }
  }
  const last = slot.term === TERMS[TERMS.length - 1];
  turn('I', [last ? 'Då är vi framme vid slutet. Det här var den sista intervjuomgången i projektet, så ett stort tack för att ni har ställt upp alla gånger.' : 'Tack så mycket för i dag. Vi ses igen nästa termin.']);
  return { text: paras.join('\n\n') + '\n', words };
}

// The canonical interview slots, in time order.
export function interviewSlots(interviews = DEFAULTS.interviews) {
  const base = [];
  TERMS.forEach((term, ti) => DISTRICTS.forEach((district, di) => {
    base.push({ term, ti, district, di, group: 'chef', gi: 0 });
    base.push({ term, ti, district, di, group: 'medarbetare', gi: 1 });
  }));
  // extra staff groups: second groups in Norrdal and Söderby in VT17 and HT17 first, then others
  const pairs = [];
  const firstPairs = [[1, 0], [1, 1], [2, 0], [2, 1]];
  for (const p of firstPairs) pairs.push(p);
  TERMS.forEach((_, ti) => DISTRICTS.forEach((_, di) => { if (!firstPairs.some(([a, b]) => a === ti && b === di)) pairs.push([ti, di]); }));
  const extrasNeeded = Math.max(4, interviews - base.length);
  const extras = [];
  for (let k = 2; extras.length < extrasNeeded; k++) {
    for (const [ti, di] of pairs) {
      if (extras.length >= extrasNeeded) break;
      extras.push({ term: TERMS[ti], ti, district: DISTRICTS[di], di, group: 'medarbetare', gi: k, n: k });
    }
  }
  let all = base.concat(extras).sort((a, b) => a.ti - b.ti || a.di - b.di || a.gi - b.gi);
  if (interviews < all.length) { // spread a smaller corpus over all terms and districts
    const picked = [];
    for (let i = 0; i < interviews; i++) picked.push(all[Math.floor((i * all.length) / interviews)]);
    all = picked;
  }
  const width = Math.max(3, String(all.length).length);
  return all.map((s, i) => {
    const slug = s.district.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const grp = s.n ? `medarbetare${s.n}` : s.group;
    const doc = `gruppintervju-${String(i + 1).padStart(width, '0')}-${slug}-${grp}-${s.term.toLowerCase()}`;
    return { doc, term: s.term, district: s.district, group: s.group, key: `${s.term}|${s.district}|${grp}` };
  });
}

function checkInt(name, v) {
  const [lo, hi] = LIMITS[name];
  if (!Number.isInteger(v) || v < lo || v > hi) throw new RangeError(`${name} must be an integer between ${lo} and ${hi} (got ${v})`);
}

export function makeCorpus(outDir, { interviews = DEFAULTS.interviews, words = DEFAULTS.words, seed = DEFAULTS.seed } = {}) {
  if (typeof outDir !== 'string' || !outDir) throw new TypeError('outDir must be a non-empty path');
  checkInt('interviews', interviews); checkInt('words', words); checkInt('seed', seed);
  const dir = path.resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const slots = interviewSlots(interviews);
  let totalWords = 0, bytes = 0;
  const csv = ['dokument,termin,stadsdel,grupp'];
  for (const slot of slots) {
    const r = new Rng((seed ^ hashString('len|' + slot.key)) >>> 0);
    const target = Math.max(50, Math.round(words * (0.92 + 0.16 * r.float())));
    const { text, words: w } = transcript(slot, target, seed);
    const buf = Buffer.from(text, 'utf8');
    writeFileSync(path.join(dir, slot.doc + '.txt'), buf);
    totalWords += w; bytes += buf.length;
    csv.push([slot.doc, slot.term, slot.district, slot.group].join(','));
  }
  const csvBuf = Buffer.from(csv.join('\n') + '\n', 'utf8');
  writeFileSync(path.join(dir, 'attributes.csv'), csvBuf);
  bytes += csvBuf.length;
  return { dir, files: slots.length, words: totalWords, bytes };
}

// --------------------------------------------------------------- CLI ----

const USAGE = 'usage: node scripts/make-corpus.mjs OUTDIR [--interviews 144] [--words 11000] [--seed 1611]';

function parseArgs(argv) {
  const opts = {}; let outDir = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return { help: true };
    const m = /^--(interviews|words|seed)(?:=(.*))?$/.exec(a);
    if (m) {
      const raw = m[2] ?? argv[++i];
      if (raw === undefined) throw new Error(`--${m[1]} needs a value`);
      if (!/^\d+$/.test(raw)) throw new Error(`--${m[1]} must be a non-negative integer (got ${JSON.stringify(raw)})`);
      opts[m[1]] = Number(raw);
      checkInt(m[1], opts[m[1]]);
    } else if (a.startsWith('-')) {
      throw new Error(`unknown option ${a}`);
    } else if (outDir === null) {
      outDir = a;
    } else {
      throw new Error(`unexpected argument ${JSON.stringify(a)}`);
    }
  }
  if (outDir === null) throw new Error('missing OUTDIR');
  return { outDir, opts };
}

function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`make-corpus: ${e.message} (${USAGE.slice(7)})\n`);
    process.exit(2);
  }
  if (args.help) { process.stdout.write(USAGE + '\n'); return; }
  try {
    const res = makeCorpus(args.outDir, args.opts);
    process.stdout.write(JSON.stringify(res) + '\n');
  } catch (e) {
    process.stderr.write(`make-corpus: ${e.message}\n`);
    process.exit(1);
  }
}

// Only as a script of its own: when bundled into another entry point (the benchmarks) import.meta.url is that file.
if (process.argv[1] && import.meta.url.endsWith("/make-corpus.mjs") && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
