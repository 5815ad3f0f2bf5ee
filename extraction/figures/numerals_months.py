"""Month names of more languages of the reporting, in the forms that follow a day ("29 de marzo",
"24. Februar", "9 listopada", "8 octombrie", "24 Φεβρουαρίου", "24 февруари"): form -> month."""

from __future__ import annotations

_FORMS = (
    # Spanish, Portuguese, Italian, French
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    # German, Dutch, Norwegian/Danish, Swedish
    "januar februar märz april mai juni juli august september oktober november dezember",
    "januari februari maart april mei juni juli augustus september oktober november december",
    "januar februar mars april mai juni juli august september oktober november desember",
    "januari februari mars april maj juni juli augusti september oktober november december",
    # Polish (genitive and nominative), Czech (genitive), Croatian (genitive), Serbian/Bosnian
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień",
    "ledna února března dubna května června července srpna září října listopadu prosince",
    "siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna - studenoga prosinca",
    "januara februara marta aprila maja juna jula avgusta septembra oktobra novembra decembra",
    "januar februar mart april maj jun jul avgust septembar oktobar novembar decembar",
    # Romanian, Finnish (partitive), Turkish, Indonesian, Hungarian
    "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
    "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta "
    "lokakuuta marraskuuta joulukuuta",
    "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    "januari februari maret april mei juni juli agustus september oktober november desember",
    "január február március április május június július augusztus szeptember október november december",
    # Greek (genitive, with and without accents), Bulgarian, Macedonian, Serbian Cyrillic
    "ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου οκτωβρίου "
    "νοεμβρίου δεκεμβρίου",
    "ιανουαριου φεβρουαριου μαρτιου απριλιου μαιου ιουνιου ιουλιου αυγουστου σεπτεμβριου οκτωβριου "
    "νοεμβριου δεκεμβριου",
    "януари февруари март април май юни юли август септември октомври ноември декември",
    "јануари февруари март април мај јуни јули август септември октомври ноември декември",
    "јануар фебруар март април мај јун јул август септембар октобар новембар децембар",
    "јануара фебруара марта априла маја јуна јула августа септембра октобра новембра децембра",
)
FOREIGN_MONTHS: dict[str, int] = {}
for _line in _FORMS:
    for _n, _w in enumerate(_line.split(), start=1):
        if _w != "-":  # (the Croatian October, "listopada", is the Polish and Czech November)
            FOREIGN_MONTHS.setdefault(_w, _n)
# As a regular expression, longest first.
FOREIGN_MONTH = "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True))
