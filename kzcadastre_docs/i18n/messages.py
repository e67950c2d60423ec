"""Error messages in English, Kazakh and Russian, keyed by the rule that was broken.

A problem keeps its rule (pydantic's error type, or one of ours) and the rule's context;
the message is produced in the reader's language when shown. The language is explicit
(`--lang` in the CLI), else KZCADASTRE_LANG, else the locale environment (LC_ALL,
LC_MESSAGES, LANG), else English.
"""

from __future__ import annotations

import os
from typing import Any

MESSAGE_LANGUAGES = ("en", "kk", "ru")

_T: dict[str, dict[str, str]] = {
    "missing": {
        "en": "is required",
        "kk": "міндетті өріс толтырылмаған",
        "ru": "обязательное поле не заполнено",
    },
    "extra_forbidden": {
        "en": "is not a field of this form",
        "kk": "бұл нысанда мұндай өріс жоқ",
        "ru": "такого поля в этой форме нет",
    },
    "string_type": {"en": "must be text", "kk": "мәтін болуы тиіс", "ru": "должно быть текстом"},
    "string_too_short": {
        "en": "must have at least {min_length} character(s)",
        "kk": "кемінде {min_length} таңба болуы тиіс",
        "ru": "должно содержать не менее {min_length} символов",
    },
    "string_too_long": {
        "en": "must have at most {max_length} characters",
        "kk": "{max_length} таңбадан аспауы тиіс",
        "ru": "должно содержать не более {max_length} символов",
    },
    "string_pattern_mismatch": {
        "en": "must be {pattern}",
        "kk": "{pattern} болуы тиіс",
        "ru": "должно быть: {pattern}",
    },
    "int_type": {"en": "must be a whole number", "kk": "бүтін сан болуы тиіс", "ru": "должно быть целым числом"},
    "decimal_type": {"en": "must be a number", "kk": "сан болуы тиіс", "ru": "должно быть числом"},
    "decimal_max_places": {
        "en": "must have at most {decimal_places} decimal places",
        "kk": "үтірден кейін {decimal_places} таңбадан аспауы тиіс",
        "ru": "должно иметь не более {decimal_places} знаков после запятой",
    },
    "decimal_max_digits": {
        "en": "has too many digits (at most {max_digits})",
        "kk": "цифрлары тым көп (ең көбі {max_digits})",
        "ru": "слишком много цифр (не более {max_digits})",
    },
    "greater_than_equal": {
        "en": "must be at least {ge}", "kk": "{ge} мәнінен кем болмауы тиіс", "ru": "должно быть не меньше {ge}",
    },
    "greater_than": {"en": "must be more than {gt}", "kk": "{gt} мәнінен көп болуы тиіс", "ru": "должно быть больше {gt}"},
    "less_than_equal": {
        "en": "must be at most {le}", "kk": "{le} мәнінен аспауы тиіс", "ru": "должно быть не больше {le}",
    },
    "date_type": {"en": "must be a date (YYYY-MM-DD)", "kk": "күн болуы тиіс (ЖЖЖЖ-АА-КК)", "ru": "должно быть датой (ГГГГ-ММ-ДД)"},
    "date_parsing": {
        "en": "is not a real calendar date (YYYY-MM-DD)",
        "kk": "нақты күнтізбелік күн емес (ЖЖЖЖ-АА-КК)",
        "ru": "не является существующей датой (ГГГГ-ММ-ДД)",
    },
    "datetime_parsing": {
        "en": "is not a real date and time (YYYY-MM-DDTHH:MM)",
        "kk": "нақты күн мен уақыт емес (ЖЖЖЖ-АА-ККTСС:ММ)",
        "ru": "не является существующими датой и временем (ГГГГ-ММ-ДДTЧЧ:ММ)",
    },
    "bool_type": {"en": "must be true or false", "kk": "true немесе false болуы тиіс", "ru": "должно быть true или false"},
    "enum": {"en": "must be one of {expected}", "kk": "мыналардың бірі болуы тиіс: {expected}", "ru": "должно быть одним из: {expected}"},
    "literal_error": {"en": "must be {expected}", "kk": "мынадай болуы тиіс: {expected}", "ru": "должно быть: {expected}"},
    "union_tag_invalid": {
        "en": "kind must be one of {expected_tags}",
        "kk": "түрі мыналардың бірі болуы тиіс: {expected_tags}",
        "ru": "вид должен быть одним из: {expected_tags}",
    },
    "union_tag_not_found": {
        "en": "needs the field {discriminator}",
        "kk": "{discriminator} өрісі қажет",
        "ru": "требуется поле {discriminator}",
    },
    "list_type": {"en": "must be a list", "kk": "тізім болуы тиіс", "ru": "должно быть списком"},
    "too_short": {
        "en": "must have at least {min_length} item(s)",
        "kk": "кемінде {min_length} элемент болуы тиіс",
        "ru": "должно содержать не менее {min_length} элементов",
    },
    "too_long": {
        "en": "must have at most {max_length} items",
        "kk": "{max_length} элементтен аспауы тиіс",
        "ru": "должно содержать не более {max_length} элементов",
    },
    "model_type": {"en": "must be an object", "kk": "объект болуы тиіс", "ru": "должно быть объектом"},
    # The project's own rules.
    "xml_illegal_character": {
        "en": "character U+{code} at position {position} is not allowed in a document",
        "kk": "{position}-орындағы U+{code} таңбасы құжатта болмауы тиіс",
        "ru": "символ U+{code} в позиции {position} недопустим в документе",
    },
    "invisible_character": {
        "en": "invisible character U+{code} at position {position} is not allowed: it hides how the text reads "
              "(zero-width and direction controls); remove it",
        "kk": "{position}-орындағы көрінбейтін U+{code} таңбасына жол берілмейді: ол мәтіннің қалай оқылатынын "
              "жасырады (нөлдік ені бар және бағыт басқару таңбалары); оны алып тастаңыз",
        "ru": "невидимый символ U+{code} в позиции {position} недопустим: он скрывает, как читается текст "
              "(символы нулевой ширины и управления направлением); удалите его",
    },
    "mixed_script": {
        "en": "the word '{word}' at position {position} mixes Cyrillic and Latin letters",
        "kk": "{position}-орындағы '{word}' сөзінде кирилл және латын әріптері араласқан",
        "ru": "в слове '{word}' в позиции {position} смешаны кириллица и латиница",
    },
    "iin_invalid": {"en": "is not a valid IIN: {reason}", "kk": "ЖСН жарамсыз: {reason}", "ru": "недействительный ИИН: {reason}"},
    "bin_invalid": {"en": "is not a valid BIN: {reason}", "kk": "БСН жарамсыз: {reason}", "ru": "недействительный БИН: {reason}"},
    "cadastral_number": {
        "en": "is not a valid cadastral number: {reason}",
        "kk": "кадастрлық нөмір жарамсыз: {reason}",
        "ru": "недействительный кадастровый номер: {reason}",
    },
    "area_sum": {
        "en": "area {total} m² differs from {what} = {parts} m² by more than {tolerance} m²",
        "kk": "{total} м² ауданы {what} = {parts} м² мәнінен {tolerance} м²-ден артық айырмашылықта",
        "ru": "площадь {total} м² отличается от {what} = {parts} м² более чем на {tolerance} м²",
    },
    "explication_total": {
        "en": "{what} is {declared} m² but the explication adds up to {computed} m² (tolerance {tolerance} m²)",
        "kk": "{what} {declared} м², ал экспликация бойынша қосындысы {computed} м² (рұқсат етілген ауытқу {tolerance} м²)",
        "ru": "{what} равна {declared} м², а по экспликации сумма {computed} м² (допуск {tolerance} м²)",
    },
    "room_kind": {
        "en": "the room's purpose '{value}' is not classified by Instruction No. 367 (p. 83-89): give its counts_as "
              "(living, non_living, balcony, terrace, loggia, loggia_balcony, veranda, cold_extension) or one of: {known}",
        "kk": "'{value}' үй-жайының мақсаты № 367 Нұсқаулық бойынша жіктелмеген: counts_as өрісін көрсетіңіз немесе "
              "мыналардың бірін алыңыз: {known}",
        "ru": "назначение помещения '{value}' не классифицировано Инструкцией № 367 (п. 83-89): укажите counts_as "
              "или один из кодов: {known}",
    },
    "summer_room_counted": {
        "en": "the room '{name}' is a balcony, loggia, terrace, veranda or vestibule, but its kind '{value}' counts "
              "it as {category} area (Instruction No. 367, p. 83-86, 89)",
        "kk": "'{name}' үй-жайы балкон, лоджия, терраса, веранда немесе тамбур, бірақ '{value}' түрі оны {category} "
              "ауданына қосады (№ 367 Нұсқаулық, 83-86, 89-тармақтар)",
        "ru": "помещение '{name}' является балконом, лоджией, террасой, верандой или тамбуром, но вид '{value}' "
              "относит его к площади {category} (Инструкция № 367, п. 83-86, 89)",
    },
    "room_category": {
        "en": "the room's purpose '{value}' counts as {classified} area (Instruction No. 367, p. 83-89), not {category}",
        "kk": "'{value}' үй-жайы {category} емес, {classified} ауданына жатады (№ 367 Нұсқаулық, 83-89-тармақтар)",
        "ru": "помещение '{value}' относится к площади {classified}, а не {category} (Инструкция № 367, п. 83-89)",
    },
    "declared_area": {
        "en": "{what} area is declared as {declared} m² but the rooms give {computed} m² (Instruction No. 367, p. {point})",
        "kk": "{what} ауданы {declared} м² деп көрсетілген, ал үй-жайлар бойынша {computed} м² (№ 367 Нұсқаулық, {point}-тармақ)",
        "ru": "площадь {what} указана {declared} м², а по помещениям {computed} м² (Инструкция № 367, п. {point})",
    },
    "litera_scheme": {
        "en": "{reason}",
        "kk": "литер № 367 Нұсқаулықтың 14-тармағының схемасына сәйкес емес: {reason}",
        "ru": "литер не соответствует схеме п. 14 Инструкции № 367: {reason}",
    },
    "room_not_in_form": {
        "en": "a {value} has no place in this form's explication (its columns: {allowed})",
        "kk": "{value} бұл нысанның экспликациясында көзделмеген (бағандары: {allowed})",
        "ru": "{value} не предусмотрен(а) экспликацией этой формы (графы: {allowed})",
    },
    "predominant_purpose": {
        "en": "the building's purpose is the use with the predominant area (Instruction No. 367, p. 94): {reason}",
        "kk": "ғимараттың мақсаты ауданы басым пайдалану түрі бойынша анықталады (№ 367 Нұсқаулық, 94-тармақ): {reason}",
        "ru": "назначение здания определяется по преобладающей площади (Инструкция № 367, п. 94): {reason}",
    },
    "declared_volume": {
        "en": "the volume is declared as {declared} m³ but the built-up area times the height gives {computed} m³ "
              "(Instruction No. 367, p. 101-102; basements and parts of other heights are added separately, p. 103-108)",
        "kk": "көлемі {declared} м³ деп көрсетілген, ал салынған аудан мен биіктіктің көбейтіндісі {computed} м³ "
              "(№ 367 Нұсқаулық, 101-102-тармақтар)",
        "ru": "объем указан {declared} м³, а площадь застройки, умноженная на высоту, дает {computed} м³ "
              "(Инструкция № 367, п. 101-102; подвалы и части другой высоты считаются отдельно, п. 103-108)",
    },
    "land_area_rounding": {
        "en": "a land plot's total area is a whole number of m² ({rounded}, not {value}; Instruction No. 367, p. 74.1)",
        "kk": "жер учаскесінің жалпы ауданы бүтін санмен беріледі ({value} емес, {rounded}; № 367 Нұсқаулық, 74-тармақ 1)",
        "ru": "общая площадь земельного участка указывается целым числом ({rounded}, а не {value}; Инструкция № 367, п. 74.1)",
    },
    "object_type_form": {
        "en": "object type '{value}' takes the form {expected}, not {form} (this form is for: {allowed})",
        "kk": "'{value}' объект түріне {form} емес, {expected} нысаны сәйкес (бұл нысан: {allowed})",
        "ru": "для вида объекта '{value}' предусмотрена форма {expected}, а не {form} (эта форма: {allowed})",
    },
    "passport_earlier_edition": {
        "en": "the passport is dated {value}, before {edition}, when the edition of Order No. 440 shipped here came "
              "into force: an earlier edition applied",
        "kk": "паспорт {value} күнімен, яғни № 440 бұйрықтың осы редакциясы күшіне енген {edition} күнінен бұрын "
              "жасалған: бұрынғы редакция қолданылған",
        "ru": "паспорт датирован {value}, ранее {edition}, когда вступила в силу используемая редакция приказа № 440: "
              "применялась прежняя редакция",
    },
    "passport_without_plan": {
        "en": "the passport has no {what}: the data has no outlines, the plan's place stays blank and the passport is "
              "incomplete",
        "kk": "паспортта {what} жоқ: деректерде контурлар жоқ, жоспардың орны бос қалады, паспорт толық емес",
        "ru": "в паспорте нет {what}: в данных нет контуров, место плана остается пустым, паспорт неполон",
    },
    "area_exceeds": {
        "en": "{what} {part} m² is larger than {whole} {total} m²",
        "kk": "{what} {part} м² {whole} {total} м² мәнінен үлкен",
        "ru": "{what} {part} м² больше, чем {whole} {total} м²",
    },
    "date_order": {
        "en": "{later} ({later_value}) is before {earlier} ({earlier_value})",
        "kk": "{later} ({later_value}) {earlier} ({earlier_value}) күнінен бұрын",
        "ru": "{later} ({later_value}) раньше, чем {earlier} ({earlier_value})",
    },
    "duplicate": {
        "en": "{what} '{value}' is repeated",
        "kk": "'{value}' ({what}) қайталанады",
        "ru": "{what} '{value}' повторяется",
    },
    "sequence": {
        "en": "must be {expected} (numbers run 1, 2, 3... in order)",
        "kk": "{expected} болуы тиіс (нөмірлер 1, 2, 3... ретімен)",
        "ru": "должно быть {expected} (номера идут по порядку 1, 2, 3...)",
    },
    "sheet_land_plot": {
        "en": "must be the sheet's land plot {plot} (one sheet per land plot, point 35 of the Rules for assigning cadastral numbers)",
        "kk": "парақтың жер учаскесі {plot} болуы тиіс (әрбір жер учаскесіне жеке парақ, кадастрлық нөмірлер беру ережесінің 35-тармағы)",
        "ru": "должен быть участком листа {plot} (лист составляется на каждый земельный участок, пункт 35 Правил присвоения кадастрового номера)",
    },
    "sheet_primary": {
        "en": "must be the number of a primary object on the land plot {plot} (point 14 of the Rules for assigning cadastral numbers)",
        "kk": "{plot} жер учаскесіндегі бастапқы объектінің нөмірі болуы тиіс (кадастрлық нөмірлер беру ережесінің 14-тармағы)",
        "ru": "должен быть номером первичного объекта на участке {plot} (пункт 14 Правил присвоения кадастрового номера)",
    },
    "sheet_secondary": {
        "en": "must be the number of a secondary object in {primary} (point 25 of the Rules for assigning cadastral numbers)",
        "kk": "{primary} ішіндегі кейінгі объектінің нөмірі болуы тиіс (кадастрлық нөмірлер беру ережесінің 25-тармағы)",
        "ru": "должен быть номером вторичного объекта в составе {primary} (пункт 25 Правил присвоения кадастрового номера)",
    },
    "chronology": {
        "en": "{date} is earlier than the entry before it ({previous}); the register is chronological",
        "kk": "{date} алдыңғы жазбадан ({previous}) бұрын; тізілім хронологиялық тәртіппен жүргізіледі",
        "ru": "{date} раньше предыдущей записи ({previous}); реестр ведется в хронологическом порядке",
    },
    "required_for": {
        "en": "is required when {condition}",
        "kk": "{condition} болғанда міндетті",
        "ru": "обязательно, если {condition}",
    },
    "sum_mismatch": {
        "en": "{total} is not {first} + {second} ({expected})",
        "kk": "{total} {first} + {second} ({expected}) қосындысына тең емес",
        "ru": "{total} не равно {first} + {second} ({expected})",
    },
    "unknown_item": {
        "en": "'{value}' is not an item of the computed table; the items are: {known}",
        "kk": "'{value}' есептелген кестенің тармағы емес; тармақтар: {known}",
        "ru": "'{value}' не является строкой вычисленной таблицы; строки: {known}",
    },
    "superseded_by": {
        "en": "entry {number} is marked as superseded by entry {by}, which must be a later entry of the register",
        "kk": "{number}-жазба {by}-жазбамен өтелген деп белгіленген; ол тізілімнің кейінгі жазбасы болуы тиіс",
        "ru": "запись {number} отмечена как погашенная записью {by}, которая должна быть более поздней записью реестра",
    },
    "one_of_required": {
        "en": "at least one of {fields} must be given",
        "kk": "{fields} өрістерінің кемінде біреуі толтырылуы тиіс",
        "ru": "должно быть заполнено хотя бы одно из полей: {fields}",
    },
    "vat_mismatch": {
        "en": "VAT {amount} is not the VAT included in {price} at {rate}% ({expected})",
        "kk": "ҚҚС {amount} {price} сомасына {rate}% мөлшерлемемен кіретін ҚҚС-қа ({expected}) тең емес",
        "ru": "НДС {amount} не равен НДС, включенному в {price} по ставке {rate}% ({expected})",
    },
    "hearing_notice_late": {
        "en": "the hearing notice of {date} is late: it must go out by {latest}, 3 working days before the term ends on {due}",
        "kk": "{date} тыңдау туралы хабарлама кешіккен: ол {latest} дейін, мерзім {due} аяқталғанға дейін 3 жұмыс күні бұрын жіберілуі тиіс",
        "ru": "уведомление о заслушивании от {date} запоздало: его следует направить не позднее {latest}, за 3 рабочих дня до окончания срока {due}",
    },
    "one_of": {
        "en": "give only one of {fields}",
        "kk": "{fields} өрістерінің біреуін ғана толтырыңыз",
        "ru": "заполните только одно из полей: {fields}",
    },
    "outline_too_few": {
        "en": "an outline needs at least 4 points (3 corners and the first repeated), not {count}",
        "kk": "контурда кемінде 4 нүкте болуы тиіс (3 бұрыш және қайталанған бірінші нүкте), {count} емес",
        "ru": "в контуре должно быть не менее 4 точек (3 угла и повтор первой), а не {count}",
    },
    "outline_not_closed": {
        "en": "the outline is not closed: its last point {last} must repeat its first {first}",
        "kk": "контур тұйықталмаған: соңғы нүктесі {last} бірінші нүктесін {first} қайталауы тиіс",
        "ru": "контур не замкнут: последняя точка {last} должна повторять первую {first}",
    },
    "outline_invalid": {
        "en": "the outline is not a simple polygon: {reason}",
        "kk": "контур қарапайым көпбұрыш емес: {reason}",
        "ru": "контур не является простым многоугольником: {reason}",
    },
    "plan_room_unknown": {
        "en": "room {value} is on the plan of floor {level} but not in its explication",
        "kk": "{value} бөлме {level} қабаттың жоспарында бар, бірақ экспликацияда жоқ",
        "ru": "помещение {value} есть на плане этажа {level}, но отсутствует в экспликации",
    },
    "plan_room_missing": {
        "en": "room {value} of the explication is not on the plan of floor {level}",
        "kk": "экспликациядағы {value} бөлме {level} қабаттың жоспарында жоқ",
        "ru": "помещения {value} из экспликации нет на плане этажа {level}",
    },
    "plan_area": {
        "en": "room {value}: the area from its outline, {computed} m², differs from the declared {declared} m² "
              "by more than {tolerance} m²",
        "kk": "{value} бөлме: контур бойынша ауданы {computed} м², көрсетілген {declared} м² ауданынан "
              "{tolerance} м²-ден артық айырмашылықта",
        "ru": "помещение {value}: площадь по контуру {computed} м² отличается от указанной {declared} м² "
              "более чем на {tolerance} м²",
    },
    "rooms_overlap": {
        "en": "room {value} overlaps room {other} by {area} m²",
        "kk": "{value} бөлме {other} бөлмемен {area} м² қабаттасады",
        "ru": "помещение {value} перекрывает помещение {other} на {area} м²",
    },
    "outside_plot": {
        "en": "{value}: {area} m² of its outline lies outside the land plot",
        "kk": "{value}: контурының {area} м² жер учаскесінен тыс жатыр",
        "ru": "{value}: {area} м² контура лежит за границей земельного участка",
    },
    "type_error": {"en": "{detail}", "kk": "{detail}", "ru": "{detail}"},
    # Text in two languages and coded vocabularies (kzcadastre_docs.models.localized, .vocabularies).
    "missing_language": {
        "en": "has no {missing} text (given in {used} only); give it in both languages (render --allow-fallback prints the {used} text)",
        "kk": "{missing} тіліндегі мәтіні жоқ (тек {used} тілінде берілген); екі тілде беріңіз (render --allow-fallback {used} мәтінін басады)",
        "ru": "нет текста на языке {missing} (дан только на {used}); укажите на обоих языках (render --allow-fallback напечатает текст {used})",
    },
    "language_fallback": {
        "en": "printed in {used}: it has no {missing} text",
        "kk": "{used} тілінде басылды: {missing} тіліндегі мәтіні жоқ",
        "ru": "напечатано на языке {used}: нет текста на языке {missing}",
    },
    "vocabulary": {
        "en": "{value!r} is not a code of the {vocabulary} vocabulary; nearest codes: {nearest}; or give free text in both languages (kk and ru)",
        "kk": "{value!r} {vocabulary} сөздігінің коды емес; ең жақын кодтар: {nearest}; немесе еркін мәтінді екі тілде (kk және ru) беріңіз",
        "ru": "{value!r} не является кодом справочника {vocabulary}; ближайшие коды: {nearest}; или укажите свободный текст на обоих языках (kk и ru)",
    },
    "localized_language": {
        "en": "unknown language key {key!r}: a localized text takes kk and/or ru",
        "kk": "белгісіз тіл кілті {key!r}: мәтін kk және/немесе ru кілттерімен беріледі",
        "ru": "неизвестный ключ языка {key!r}: текст задается ключами kk и/или ru",
    },
    "localized_empty": {
        "en": "a localized text needs a kk or a ru text (or is one string)",
        "kk": "мәтін kk немесе ru тілінде берілуі тиіс (немесе бір жол)",
        "ru": "нужен текст kk или ru (или одна строка)",
    },
    "localized_empty_text": {"en": "{where} is empty", "kk": "{lang} мәтіні бос", "ru": "текст {lang} пуст"},
    "localized_type": {
        "en": "must be text, or an object with kk and/or ru texts",
        "kk": "мәтін немесе kk және/немесе ru мәтіндері бар объект болуы тиіс",
        "ru": "должно быть текстом или объектом с текстами kk и/или ru",
    },
    "localized_both": {
        "en": "free text here needs both languages; the {lang} text is missing",
        "kk": "мұнда еркін мәтін екі тілде берілуі тиіс; {lang} мәтіні жоқ",
        "ru": "свободный текст здесь нужен на обоих языках; нет текста {lang}",
    },
}

# Error types that read the same as another one.
_ALIASES = {
    "int_parsing": "int_type",
    "int_from_float": "int_type",
    "decimal_parsing": "decimal_type",
    "bool_parsing": "bool_type",
    "date_from_datetime_parsing": "date_parsing",
    "model_attributes_type": "model_type",
    "dict_type": "model_type",
    "type": "model_type",
}

# Reasons an IIN or BIN is invalid, by kzcadastre_docs.law.identifiers.InvalidIdentifier.code.
_IDENTIFIER_REASONS = {
    "digits": {"kk": "тек цифрлардан тұруы тиіс", "ru": "должен состоять только из цифр"},
    "length": {"kk": "12 цифрдан тұруы тиіс", "ru": "должен состоять из 12 цифр"},
    "never_issued": {"kk": "мұндай нөмірдің бақылау цифры жоқ, ол берілмейді", "ru": "у такого номера нет контрольной цифры, он не выдается"},
    "check_digit": {"kk": "бақылау цифры сәйкес келмейді", "ru": "контрольная цифра не совпадает"},
    "century_digit": {"kk": "7-цифры 1-ден 6-ға дейін болуы тиіс", "ru": "7-я цифра должна быть от 1 до 6"},
    "birth_date": {"kk": "алғашқы алты цифры туған күн емес (ЖЖААКК)", "ru": "первые шесть цифр не являются датой рождения (ГГММДД)"},
    "registration_month": {"kk": "тіркеу айы (3-4 цифрлар) 01-12 болуы тиіс", "ru": "месяц регистрации (3-4 цифры) должен быть 01-12"},
    "entity_type": {"kk": "5-цифры (түрі) 4, 5 немесе 6 болуы тиіс", "ru": "5-я цифра (тип) должна быть 4, 5 или 6"},
    "attribute": {"kk": "6-цифры (белгісі) 0-3 болуы тиіс", "ru": "6-я цифра (признак) должна быть от 0 до 3"},
}
# What each pattern of kzcadastre_docs.models.types asks for, in words.
_PATTERNS = {
    r"^\d{6}$": {"en": "six digits", "kk": "алты цифр", "ru": "шесть цифр"},
    r"^\+7[\s\-()]*(\d[\s\-()]*){10}$": {
        "en": "+7 followed by ten digits", "kk": "+7 және он цифр", "ru": "+7 и десять цифр"},
    r"^[^@\s]+@[^@\s]+\.[^@\s]+$": {"en": "an e-mail address", "kk": "электрондық пошта мекенжайы",
                                     "ru": "адрес электронной почты"},
    r"^[^\s]+$": {"en": "without spaces", "kk": "бос орынсыз", "ru": "без пробелов"},
    r"^\w{1,10}$": {"en": "1 to 10 letters or digits", "kk": "1-10 әріп немесе цифр", "ru": "от 1 до 10 букв или цифр"},
}
VALUE_WORD = {"en": "value", "kk": "мәні", "ru": "значение"}


def message_language(explicit: str | None = None) -> str:
    """The language for messages: explicit, else KZCADASTRE_LANG, else the locale, else en.

    >>> message_language("ru")
    'ru'
    """
    if explicit in MESSAGE_LANGUAGES:
        return explicit
    for variable in ("KZCADASTRE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = (os.environ.get(variable) or "").lower()
        for lang in MESSAGE_LANGUAGES:
            if value.startswith(lang):
                return lang
    return "en"


def _templates(rule: str) -> dict[str, str] | None:
    return _T.get(_ALIASES.get(rule, rule))


def has_message(rule: str) -> bool:
    return _templates(rule) is not None


def render_message(rule: str, context: dict[str, Any], lang: str, fallback: str) -> str:
    """The message for `rule` in `lang`; pydantic's English text where we have none.

    >>> render_message("string_too_long", {"max_length": 200}, "kk", "")
    '200 таңбадан аспауы тиіс'
    """
    templates = _templates(rule)
    if not templates:
        return fallback
    reason = _IDENTIFIER_REASONS.get(context.get("code", ""), {}).get(lang)
    if rule in ("iin_invalid", "bin_invalid") and reason:
        context = {**context, "reason": reason}
    if rule == "string_pattern_mismatch":
        words = _PATTERNS.get(context.get("pattern", ""))
        if words is None:
            return fallback
        context = {**context, "pattern": words[lang]}
    try:
        return templates[lang].format(**{key: _show(value) for key, value in context.items()})
    except (KeyError, IndexError):
        return fallback


def _show(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)
