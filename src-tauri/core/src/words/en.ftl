# Dossier's words written by Rust itself: notifications, calendar events, pack manifests and
# the file names Dossier proposes. Ids and variables are the same in fr.ftl, es.ftl and ar.ftl
# (a test compares them). Dates and times arrive already written in the language.

## How a name is quoted inside a sentence.
quoted = “{ $name }”

## Dates and times.
# "Monday 23 November 2026 at 23:59"
moment = { $day } at { $time }
moment-zones-differ = { $here } ({ $place } time; { $yours } where you are)
moment-zones-same = { $here } ({ $place } time, as where you are)
# A time on the 12-hour clock, when the candidate chose it: "5:59 PM".
clock-12h = { $time } { $half ->
    [am] AM
   *[pm] PM
}

## Time left, as the Dashboard says it.
when-minutes = in { $count } { PLURAL($count) ->
    [one] minute
   *[other] minutes
}
when-hours = in { $count } { PLURAL($count) ->
    [one] hour
   *[other] hours
}
when-today = today
when-today-at = today at { $time } { $place } time
when-tomorrow = tomorrow
when-tomorrow-at = tomorrow at { $time } { $place } time
when-days = in { $count } days

## Interview modes.
interview-mode = { $mode ->
    [in-person] in person
   *[video-conference] video conference
}

## Notifications.
notification-open = Open in Dossier
deadline-soon-title = Deadline { $when }: { $name }
deadline-soon-body = Applications for { $quoted } close { $moment }.
deadline-passed-title = Deadline passed: { $name }
deadline-passed-body = Applications for { $quoted } closed { $moment }.
silence-title = 6 months without an answer: { $name }
silence-body-marked = You submitted your application for { $quoted } on { $submitted }. INTERPOL treats no answer within 6 months as unsuccessful. It is now marked “No response”.
silence-body-open = You submitted your application for { $quoted } on { $submitted }. INTERPOL treats no answer within 6 months as unsuccessful. Mark it “No response” in Dossier, or keep waiting if you have heard from INTERPOL.
certificate-named = “{ $name }”
certificate-named-from = “{ $name }” from { $country }
certificate-rule = INTERPOL asks for a criminal record certificate issued in the past { $months } months.
certificate-soon-title = Criminal record certificate stale { $when }: { $name }
certificate-soon-body = { $certificate }, issued { $issued }, counts until { $last }. { $rule } Request a new one in time.
certificate-stale-title = Criminal record certificate now stale: { $name }
certificate-stale-body = { $certificate }, issued { $issued }, counted until { $last }. { $rule } Request a new one.
roster-soon-title = Roster place expires { $when }: { $name }
roster-soon-body = Your place on the roster for { $quoted } (since { $since }) is valid 3 years: it expires on { $day }.
roster-expired-title = Roster place expired: { $name }
roster-expired-body = Your place on the roster for { $quoted } (since { $since }) expired on { $day }, 3 years on.
interview-soon-title = Interview { $when }: { $name }
interview-soon-body = Interview by { $mode } for { $quoted }, { $moment }.
interview-started-title = Interview started: { $name }
interview-started-body = The interview by { $mode } for { $quoted } was { $moment }.
interview-place = Place: { $place }
summary-title = { $count } reminders from Dossier
summary-line = • { $title } ({ $when })
summary-your-time = { $moment } your time

## Calendar (.ics) events.
ics-deadline-title = Deadline: { $name }
ics-deadline-detail = Applications close { $moment }, { $zone } time.
ics-silence-title = 6 months since submission: { $name }
ics-silence-detail = Submitted { $submitted }; 6 months pass on { $day }. With no answer by then, INTERPOL treats the application as unsuccessful.
ics-certificate-title = Certificate goes stale: { $name }
ics-certificate-detail = Issued { $issued }; from { $day } it is more than { $months } months old.
ics-certificate-detail-in = Issued { $issued } in { $country }; from { $day } it is more than { $months } months old.
ics-roster-title = Roster place expires: { $name }
ics-roster-detail = Rostered { $rostered }; a roster place is valid 3 years, until { $day }.
ics-interview-title = Interview: { $name }
ics-interview-detail = Interview by { $mode }, { $moment }, { $zone } time.
ics-category = { $kind ->
    [silence] Silence
    [certificate] Certificate
    [roster] Roster
    [interview] Interview
   *[deadline] Deadline
}

## Document packs: file names Dossier proposes.
file-part = { $part ->
    [cv] CV
    [cover-letter] Cover letter
    [diploma] Diploma
    [proof-of-employment] Proof of employment
    [criminal-record] Criminal record
    [references] References
    [notice] Notice
    [application-copy] Application copy
    [sent] Sent
   *[document] Document
}
pack-title = Document pack: { $title } ({ $reference })
pack-fallback-name = INTERPOL document pack
export-name = Dossier export { $date }
references-heading = Professional references
references-name = Name: { $name }
references-contact = Contact: { $contact }
references-relation = Relation: { $relation }

## The Talentlink archive.
archive-title = Talentlink application: { $title } ({ $reference })
archive-name = Talentlink { $reference } archive
archive-fallback-name = Talentlink archive
archive-copy-label = Saved copy of the Talentlink application
archive-copy-missing = No saved copy is recorded for this application. Download it from Talentlink while you still can, import it as a copy of a Talentlink application and attach it.
archive-sent-label = Sent: { $kind }
archive-notice-label = Text of the vacancy notice
archive-notice-missing = The vacancy has no notice text saved.
archive-complete = Everything Dossier keeps for this Talentlink application.
archive-incomplete = Everything Dossier keeps for this Talentlink application; some of it is missing.

## The pack's manifest page. No markup here: the page's code adds it around the variables.
manifest-included = Included
manifest-missing = Missing
manifest-stale = Out of date, not included
manifest-other-files = Other files
manifest-column-number = #
manifest-column-item = Item
manifest-column-status = Status
manifest-column-file = File
manifest-column-bytes = Bytes
manifest-complete = Complete: every item is included.
manifest-incomplete = Incomplete: these items are not in this pack.
manifest-candidate = Candidate: { $name }.
manifest-for = For { $title } ({ $reference }). Checked on { $checked }; written { $created }.
manifest-check = Check a file with { $linux } (Linux), { $mac } (macOS) or { $windows } (Windows); the same list is in the JSON manifest. Written by Dossier ({ $format }).

## File dialogs: what the file-type filter is called.
dialog-filter = { $kind ->
    [zip] Zip
    [folder] Folder
    [calendar] Calendar (iCalendar)
    [export] Dossier export
    [notices] Vacancy notices
   *[scans] PDF and scanned images
}

## Document kinds, inside a file name or a manifest line.
document-kind = { $kind ->
    [cv] CV
    [diploma] diploma, degree or certificate
    [proof_of_employment] proof of employment
    [criminal_record] criminal record certificate
    [reference_letter] reference letter
    [language_certificate] language certificate
    [identity] passport or identity card
    [cover_letter] cover letter
    [talentlink_application] copy of a Talentlink application
   *[other] other document
}

## The tray icon's menu.
tray-item = { $item ->
    [open] Open Dossier
    [quit] Quit Dossier
   *[nothing] No reminder waiting
}
tray-next = Next reminder { $when }: { $title }

## Reminders shown while Dossier is locked: what kind and how soon, never what about.
locked-when = { $days ->
    [0] today
    [1] tomorrow
   *[other] in { $days } days
}
locked-reminder-title = { $kind ->
    [deadline] A deadline is due { $when }
    [interview] An interview is { $when }
    [silence] An application reaches 6 months without an answer { $when }
    [certificate] A certificate goes out of date { $when }
   *[roster] A roster place ends { $when }
}
locked-reminder-body = Unlock Dossier to see it.
locked-summary-title = { $count } reminders are due
locked-summary-body = Unlock Dossier to see them.

## Two sentences one after the other, and a list of names.
two-sentences = { $first } { $second }
list-pair = { $first }, { $rest }

## The pack's checklist, shown in the window and in the manifest.
checklist-label = { $line ->
    [cv] CV
    [cover_letter] Cover letter
    [profile] Diplomas, degrees and certificates
    [origin] Criminal record certificate: country of origin
   *[references] Two professional references
}
checklist-level = { $level ->
    [secondary] Secondary school diploma
    [post_secondary] Post-secondary diploma
    [bachelor] Bachelor's degree
    [master] Master's degree
   *[doctorate] Doctorate
}
checklist-level-in = { $level } in { $field }
checklist-diploma = Diploma: { $what }
checklist-employment = Proof of employment: { $what }
checklist-certificate = Criminal record certificate: { $country }
checklist-no-document = No { $kind } is in the vault. Import one in Documents.
checklist-expired = { $title } expired on { $day }. Import the renewed document as a new version of it.
checklist-present = { $title }.
checklist-not-proven = No document in the vault says it proves this. Import the { $kind } and, in its details, choose this line of your profile under “Proves”.
checklist-internship = Internships ask for a cover letter.
checklist-no-profile = No profile is saved yet, so Dossier cannot tell which diplomas and positions to prove. Fill in your profile.
checklist-official-proof = Only experience backed by official proof (a salary slip, a contract or a recommendation letter) is counted.
checklist-no-origin = A certificate from your country of origin is always needed, and your profile does not say which country that is. Add it to your profile.
checklist-notice-asks = The notice asks for a { $kind }.
checklist-meeting-rules = Meeting the rules: { $names }.
checklist-ready = { PLURAL($count) ->
    [one] Everything INTERPOL asks a selected candidate for is ready: { $count } item.
   *[other] Everything INTERPOL asks a selected candidate for is ready: { $count } items.
}
checklist-not-ready = { PLURAL($total) ->
    [one] { $satisfied } of { $total } item ready; { $problems }.
   *[other] { $satisfied } of { $total } items ready; { $problems }.
}
checklist-missing = { $count } missing
checklist-stale = { $count } out of date

## Criminal record certificates: why a country is asked for, and what the vault holds.
crc-days = { PLURAL($count) ->
    [one] { $count } day
   *[other] { $count } days
}
crc-stays = { PLURAL($count) ->
    [one] { $count } stay
   *[other] { $count } stays
}
crc-origin-always = Country of origin: a certificate is always needed from it.
crc-origin-lived = Country of origin, and lived there { $days } in the five years from { $from } to { $to }, more than one year.
crc-origin-lived-stays = Country of origin, and lived there { $days } over { $stays } in the five years from { $from } to { $to }, more than one year.
crc-lived = Lived there { $days } in the five years from { $from } to { $to }, more than one year.
crc-lived-stays = Lived there { $days } over { $stays } in the five years from { $from } to { $to }, more than one year.
crc-missing = No criminal record certificate from { $country } is in the vault.
crc-incomplete = { PLURAL($count) ->
    [one] { $titles } has no issuing country or issue date; fill them in so it can count.
   *[other] { $titles } have no issuing country or issue date; fill them in so they can count.
}
crc-left = { $count ->
    [0] today is its last valid day
   *[other] { PLURAL($count) ->
        [one] { $count } day left
       *[other] { $count } days left
    }
}
crc-covered = Covered by { $title }, issued { $issued }, valid until { $until }: { $left }.
crc-stale = The newest certificate from { $country }, { $title }, was issued { $issued } and counted until { $until }; INTERPOL asks for one issued in the past { $months } months. Request a new one.

## Professional references against INTERPOL's rules.
references-meet = { PLURAL($passing) ->
    [one] { $passing } reference meets INTERPOL's rules; { $needed } are needed.
   *[other] { $passing } references meet INTERPOL's rules; { $needed } are needed.
}
references-could-count = { PLURAL($count) ->
    [one] { $count } more could count once the missing facts are recorded.
   *[other] { $count } more could count once the missing facts are recorded.
}
references-add = Add a professional reference from outside INTERPOL who worked with you directly.
reference-rule = { $rule ->
    [no_contact] The name or the contact details are missing; INTERPOL asks for both.
    [contact] Name and contact details are recorded.
    [staff] Works at INTERPOL; references must come from outside INTERPOL.
    [outside] Outside INTERPOL.
    [staff_unknown] Not recorded whether they work at INTERPOL.
    [indirect] Did not work with you directly; INTERPOL asks for people who did.
    [direct] Worked with you directly.
    [direct_unknown] Not recorded whether they worked with you directly.
    [family] A family member; references cannot be family.
    [not_family] Not a family member.
   *[family_unknown] Not recorded whether they are a family member.
}
reference-advice = { $advice ->
    [not_hierarchical] Not in a hierarchical relation with you: accepted, though INTERPOL prefers a manager or someone you managed.
   *[hierarchy_unknown] INTERPOL prefers a reference in a hierarchical relation (a manager or someone you managed); record whether this one is.
}
