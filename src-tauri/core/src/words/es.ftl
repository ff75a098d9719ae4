# Las palabras de Dossier escritas por Rust: notificaciones, eventos de calendario, manifiestos
# de expediente y nombres de archivo propuestos. Mismos identificadores y variables que en.ftl.

## Cómo se cita un nombre dentro de una frase.
quoted = «{ $name }»

## Fechas y horas.
moment = { $day } a las { $time }
moment-zones-differ = { $here } (hora de { $place }; { $yours } donde usted se encuentra)
moment-zones-same = { $here } (hora de { $place }, la misma que donde usted se encuentra)
# Una hora en formato de 12 horas, cuando la persona lo eligió: «5:59 p. m.».
clock-12h = { $time } { $half ->
    [am] a. m.
   *[pm] p. m.
}

## Tiempo restante.
when-minutes = en { $count } { PLURAL($count) ->
    [one] minuto
   *[other] minutos
}
when-hours = en { $count } { PLURAL($count) ->
    [one] hora
   *[other] horas
}
when-today = hoy
when-today-at = hoy a las { $time }, hora de { $place }
when-tomorrow = mañana
when-tomorrow-at = mañana a las { $time }, hora de { $place }
when-days = en { $count } días

## Modalidades de entrevista.
interview-mode = { $mode ->
    [in-person] presencial
   *[video-conference] por videoconferencia
}

## Notificaciones.
notification-open = Abrir en Dossier
deadline-soon-title = Fecha límite de presentación de candidaturas { $when }: { $name }
deadline-soon-body = El plazo de presentación de candidaturas para { $quoted } se cierra el { $moment }.
deadline-passed-title = Fecha límite vencida: { $name }
deadline-passed-body = El plazo de presentación de candidaturas para { $quoted } se cerró el { $moment }.
silence-title = 6 meses sin respuesta: { $name }
silence-body-marked = Presentó su candidatura para { $quoted } el { $submitted }. INTERPOL considera que la falta de respuesta en un plazo de 6 meses significa que la candidatura no ha prosperado. Ahora está marcada como «Sin respuesta».
silence-body-open = Presentó su candidatura para { $quoted } el { $submitted }. INTERPOL considera que la falta de respuesta en un plazo de 6 meses significa que la candidatura no ha prosperado. Márquela como «Sin respuesta» en Dossier, o siga esperando si ha tenido noticias de INTERPOL.
certificate-named = «{ $name }»
certificate-named-from = «{ $name }» ({ $country })
certificate-rule = INTERPOL pide un certificado de antecedentes penales expedido en los últimos { $months } meses.
certificate-soon-title = Certificado de antecedentes penales caducado { $when }: { $name }
certificate-soon-body = { $certificate }, expedido el { $issued }, es válido hasta el { $last }. { $rule } Solicite uno nuevo a tiempo.
certificate-stale-title = Certificado de antecedentes penales caducado: { $name }
certificate-stale-body = { $certificate }, expedido el { $issued }, era válido hasta el { $last }. { $rule } Solicite uno nuevo.
roster-soon-title = Su inclusión en la lista de reserva vence { $when }: { $name }
roster-soon-body = Su inclusión en la lista de reserva para { $quoted } (desde el { $since }) es válida 3 años: vence el { $day }.
roster-expired-title = Inclusión en la lista de reserva vencida: { $name }
roster-expired-body = Su inclusión en la lista de reserva para { $quoted } (desde el { $since }) venció el { $day }, al cabo de 3 años.
interview-soon-title = Entrevista { $when }: { $name }
interview-soon-body = Entrevista { $mode } para { $quoted }, el { $moment }.
interview-started-title = Entrevista comenzada: { $name }
interview-started-body = La entrevista { $mode } para { $quoted } tuvo lugar el { $moment }.
interview-place = Lugar: { $place }
summary-title = { PLURAL($count) ->
    [one] { $count } recordatorio de Dossier
   *[other] { $count } recordatorios de Dossier
}
summary-line = • { $title } ({ $when })
summary-your-time = { $moment }, su hora

## Eventos de calendario (.ics).
ics-deadline-title = Fecha límite de presentación de candidaturas: { $name }
ics-deadline-detail = El plazo de presentación de candidaturas se cierra el { $moment } (zona horaria { $zone }).
ics-silence-title = 6 meses desde la presentación: { $name }
ics-silence-detail = Candidatura presentada el { $submitted }; los 6 meses se cumplen el { $day }. Si para entonces no hay respuesta, INTERPOL considera que la candidatura no ha prosperado.
ics-certificate-title = Caducidad del certificado de antecedentes penales: { $name }
ics-certificate-detail = Expedido el { $issued }; a partir del { $day } tiene más de { $months } meses.
ics-certificate-detail-in = Expedido el { $issued } ({ $country }); a partir del { $day } tiene más de { $months } meses.
ics-roster-title = Vencimiento de la inclusión en la lista de reserva: { $name }
ics-roster-detail = Inclusión en la lista de reserva el { $rostered }; es válida 3 años, hasta el { $day }.
ics-interview-title = Entrevista: { $name }
ics-interview-detail = Entrevista { $mode }, el { $moment } (zona horaria { $zone }).
ics-category = { $kind ->
    [silence] Sin respuesta
    [certificate] Certificado de antecedentes penales
    [roster] Lista de reserva
    [interview] Entrevista
   *[deadline] Fecha límite
}

## Expedientes de documentos: nombres de archivo propuestos.
file-part = { $part ->
    [cv] CV
    [cover-letter] Carta de motivación
    [diploma] Título
    [proof-of-employment] Certificado de empleo
    [criminal-record] Certificado de antecedentes penales
    [references] Referencias
    [notice] Anuncio de vacante
    [application-copy] Copia de la candidatura
    [sent] Enviado
   *[document] Documento
}
pack-title = Expediente de documentos: { $title } ({ $reference })
pack-fallback-name = Expediente de documentos INTERPOL
export-name = Exportación de Dossier { $date }
references-heading = Referencias profesionales
references-name = Nombre: { $name }
references-contact = Contacto: { $contact }
references-relation = Relación: { $relation }

## El archivo de Talentlink.
archive-title = Candidatura en Talentlink: { $title } ({ $reference })
archive-name = Archivo Talentlink { $reference }
archive-fallback-name = Archivo Talentlink
archive-copy-label = Copia guardada de la candidatura en Talentlink
archive-copy-missing = No hay ninguna copia guardada de esta candidatura. Descárguela de Talentlink mientras pueda, impórtela como copia de una candidatura de Talentlink y adjúntela.
archive-sent-label = Enviado: { $kind }
archive-notice-label = Texto del anuncio de vacante
archive-notice-missing = No se ha guardado el texto del anuncio de esta vacante.
archive-complete = Todo lo que Dossier guarda de esta candidatura en Talentlink.
archive-incomplete = Todo lo que Dossier guarda de esta candidatura en Talentlink; falta una parte.

## La página del manifiesto.
manifest-included = Incluido
manifest-missing = Falta
manifest-stale = Caducado, no incluido
manifest-other-files = Otros archivos
manifest-column-number = N.º
manifest-column-item = Documento
manifest-column-status = Estado
manifest-column-file = Archivo
manifest-column-bytes = Tamaño en bytes
manifest-complete = Completo: se incluyen todos los documentos.
manifest-incomplete = Incompleto: estos documentos no están en este expediente.
manifest-candidate = Persona candidata: { $name }.
manifest-for = Para { $title } ({ $reference }). Comprobado el { $checked }; redactado el { $created }.
manifest-check = Compruebe un archivo con { $linux } (Linux), { $mac } (macOS) o { $windows } (Windows); la misma lista figura en el manifiesto JSON. Redactado por Dossier ({ $format }).

## Diálogos de archivo: nombre del filtro de tipo de archivo.
dialog-filter = { $kind ->
    [zip] Archivo zip
    [folder] Carpeta
    [calendar] Calendario (iCalendar)
    [export] Exportación de Dossier
    [notices] Anuncios de vacante
   *[scans] PDF e imágenes escaneadas
}

## Tipos de documento, en un nombre de archivo o una línea del manifiesto.
document-kind = { $kind ->
    [cv] CV
    [diploma] título, diploma o certificado de estudios
    [proof_of_employment] certificado de empleo
    [criminal_record] certificado de antecedentes penales
    [reference_letter] carta de recomendación
    [language_certificate] certificado de idiomas
    [identity] pasaporte o documento de identidad
    [cover_letter] carta de motivación
    [talentlink_application] copia de una candidatura de Talentlink
   *[other] otro documento
}

## Menú del icono de la bandeja del sistema.
tray-item = { $item ->
    [open] Abrir Dossier
    [quit] Salir de Dossier
   *[nothing] Ningún recordatorio pendiente
}
tray-next = Próximo recordatorio el { $when }: { $title }

## Recordatorios mostrados con Dossier bloqueado: su tipo y su plazo, nunca su asunto.
locked-when = { $days ->
    [0] hoy
    [1] mañana
   *[other] en { $days } días
}
locked-reminder-title = { $kind ->
    [deadline] Una fecha límite de solicitud vence { $when }
    [interview] Hay una entrevista { $when }
    [silence] Una candidatura cumple 6 meses sin respuesta { $when }
    [certificate] Un certificado deja de estar vigente { $when }
   *[roster] Una inscripción en una lista de reserva termina { $when }
}
locked-reminder-body = Desbloquee Dossier para verlo.
locked-summary-title = Hay { $count } recordatorios
locked-summary-body = Desbloquee Dossier para verlos.

## Two sentences one after the other, and a list of names.
two-sentences = { $first } { $second }
list-pair = { $first }, { $rest }

## The pack's checklist, shown in the window and in the manifest.
checklist-label = { $line ->
    [cv] CV
    [cover_letter] Carta de motivación
    [profile] Títulos, diplomas y certificados de estudios
    [origin] Certificado de antecedentes penales: país de origen
   *[references] Dos referencias profesionales
}
checklist-level = { $level ->
    [secondary] Título de educación secundaria
    [post_secondary] Título de educación postsecundaria
    [bachelor] Título de grado (licenciatura)
    [master] Máster
   *[doctorate] Doctorado
}
checklist-level-in = { $level } en { $field }
checklist-diploma = Título: { $what }
checklist-employment = Certificado de empleo: { $what }
checklist-certificate = Certificado de antecedentes penales: { $country }
checklist-no-document = La caja fuerte aún no contiene ningún documento de este tipo ({ $kind }). Impórtelo en Documentos.
checklist-expired = { $title } venció el { $day }. Importe el documento renovado como nueva versión de este.
checklist-present = { $title }.
checklist-not-proven = Ningún documento de la caja fuerte indica que acredite esta línea. Importe el documento ({ $kind }) y, en sus detalles, elija esta línea de su perfil en «Acredita».
checklist-internship = Las pasantías piden una carta de motivación.
checklist-no-profile = Aún no hay ningún perfil guardado, así que Dossier no puede saber qué títulos y puestos acreditar. Complete su perfil.
checklist-official-proof = Solo se tiene en cuenta la experiencia respaldada por un justificante oficial (una nómina, un contrato o una carta de recomendación).
checklist-no-origin = Siempre se necesita un certificado de su país de origen, y su perfil no indica cuál es. Añádalo a su perfil.
checklist-notice-asks = El anuncio de vacante pide este documento ({ $kind }).
checklist-meeting-rules = Cumplen las normas: { $names }.
checklist-ready = { PLURAL($count) ->
    [one] Todo lo que INTERPOL pide a un candidato seleccionado está listo: { $count } documento.
   *[other] Todo lo que INTERPOL pide a un candidato seleccionado está listo: { $count } documentos.
}
checklist-not-ready = { PLURAL($total) ->
    [one] { $satisfied } de { $total } documento listo; { $problems }.
   *[other] { $satisfied } de { $total } documentos listos; { $problems }.
}
checklist-missing = { PLURAL($count) ->
    [one] { $count } falta
   *[other] { $count } faltan
}
checklist-stale = { PLURAL($count) ->
    [one] { $count } vencido
   *[other] { $count } vencidos
}

## Criminal record certificates: why a country is asked for, and what the vault holds.
crc-days = { PLURAL($count) ->
    [one] { $count } día
   *[other] { $count } días
}
crc-stays = { PLURAL($count) ->
    [one] { $count } estancia
   *[other] { $count } estancias
}
crc-origin-always = País de origen: siempre se necesita un certificado de ese país.
crc-origin-lived = País de origen, donde además vivió { $days } en los cinco años del { $from } al { $to }, más de un año.
crc-origin-lived-stays = País de origen, donde además vivió { $days } en { $stays } en los cinco años del { $from } al { $to }, más de un año.
crc-lived = Vivió allí { $days } en los cinco años del { $from } al { $to }, más de un año.
crc-lived-stays = Vivió allí { $days } en { $stays } en los cinco años del { $from } al { $to }, más de un año.
crc-missing = La caja fuerte no contiene ningún certificado de antecedentes penales de este país: { $country }.
crc-incomplete = { PLURAL($count) ->
    [one] A { $titles } le falta el país o la fecha de expedición; complételos para que pueda contar.
   *[other] A { $titles } les falta el país o la fecha de expedición; complételos para que puedan contar.
}
crc-left = { $count ->
    [0] hoy es su último día de validez
   *[other] { PLURAL($count) ->
        [one] queda { $count } día
       *[other] quedan { $count } días
    }
}
crc-covered = Cubierto por { $title }, expedido el { $issued }, válido hasta el { $until }: { $left }.
crc-stale = El certificado más reciente de este país ({ $country }), { $title }, se expidió el { $issued } y contaba hasta el { $until }; INTERPOL pide uno expedido en los últimos { $months } meses. Solicite uno nuevo.

## Professional references against INTERPOL's rules.
references-meet = { PLURAL($passing) ->
    [one] { $passing } referencia cumple las normas de INTERPOL; se necesitan { $needed }.
   *[other] { $passing } referencias cumplen las normas de INTERPOL; se necesitan { $needed }.
}
references-could-count = { PLURAL($count) ->
    [one] { $count } más podría contar cuando se registren los datos que faltan.
   *[other] { $count } más podrían contar cuando se registren los datos que faltan.
}
references-add = Añada una referencia profesional ajena a INTERPOL que haya trabajado directamente con usted.
reference-rule = { $rule ->
    [no_contact] Faltan el nombre o los datos de contacto; INTERPOL pide ambos.
    [contact] El nombre y los datos de contacto están registrados.
    [staff] Trabaja en INTERPOL; las referencias deben ser ajenas a INTERPOL.
    [outside] Ajena a INTERPOL.
    [staff_unknown] No consta si trabaja en INTERPOL.
    [indirect] No trabajó directamente con usted; INTERPOL pide personas que sí lo hicieran.
    [direct] Trabajó directamente con usted.
    [direct_unknown] No consta si trabajó directamente con usted.
    [family] Es un familiar; las referencias no pueden ser familiares.
    [not_family] No es un familiar.
   *[family_unknown] No consta si es un familiar.
}
reference-advice = { $advice ->
    [not_hierarchical] Sin relación jerárquica con usted: se acepta, aunque INTERPOL prefiere a un superior o a alguien a quien usted supervisó.
   *[hierarchy_unknown] INTERPOL prefiere una referencia con relación jerárquica (un superior o alguien a quien usted supervisó); indique si es el caso.
}
