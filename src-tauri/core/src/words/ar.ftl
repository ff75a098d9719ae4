# كلمات Dossier التي يكتبها Rust: الإشعارات وأحداث التقويم وبيانات محتويات الملفات وأسماء الملفات
# المقترحة. المعرّفات والمتغيّرات هي نفسها في en.ftl.

## كيف يُقتبس اسم داخل جملة.
quoted = «{ $name }»

## التواريخ والأوقات.
moment = { $day } الساعة { $time }
moment-zones-differ = { $here } (بتوقيت { $place }؛ { $yours } حيث أنت)
moment-zones-same = { $here } (بتوقيت { $place }، وهو التوقيت نفسه حيث أنت)
# وقت بنظام 12 ساعة، عندما يختاره المرشح: «5:59 م».
clock-12h = { $time } { $half ->
    [am] ص
   *[pm] م
}

## الوقت المتبقي.
when-minutes = { PLURAL($count) ->
    [zero] بعد { $count } دقيقة
    [one] بعد دقيقة واحدة
    [two] بعد دقيقتين
    [few] بعد { $count } دقائق
    [many] بعد { $count } دقيقةً
   *[other] بعد { $count } دقيقة
}
when-hours = { PLURAL($count) ->
    [zero] بعد { $count } ساعة
    [one] بعد ساعة واحدة
    [two] بعد ساعتين
    [few] بعد { $count } ساعات
    [many] بعد { $count } ساعةً
   *[other] بعد { $count } ساعة
}
when-today = اليوم
when-today-at = اليوم الساعة { $time } بتوقيت { $place }
when-tomorrow = غدًا
when-tomorrow-at = غدًا الساعة { $time } بتوقيت { $place }
when-days = { PLURAL($count) ->
    [zero] بعد { $count } يوم
    [one] بعد يوم واحد
    [two] بعد يومين
    [few] بعد { $count } أيام
    [many] بعد { $count } يومًا
   *[other] بعد { $count } يوم
}

## طرق إجراء المقابلة.
interview-mode = { $mode ->
    [in-person] حضوريًا
   *[video-conference] عبر الفيديو
}

## الإشعارات.
notification-open = فتح في Dossier
deadline-soon-title = الموعد النهائي لتقديم الطلبات { $when }: { $name }
deadline-soon-body = يُغلق باب تقديم الطلبات لـ { $quoted } يوم { $moment }.
deadline-passed-title = انقضى الموعد النهائي: { $name }
deadline-passed-body = أُغلق باب تقديم الطلبات لـ { $quoted } يوم { $moment }.
silence-title = 6 أشهر دون رد: { $name }
silence-body-marked = قدّمت طلبك لـ { $quoted } يوم { $submitted }. يعدّ الإنتربول عدم الرد خلال 6 أشهر عدمَ قبول للطلب. وقد وُسم الطلب الآن بـ «لا رد».
silence-body-open = قدّمت طلبك لـ { $quoted } يوم { $submitted }. يعدّ الإنتربول عدم الرد خلال 6 أشهر عدمَ قبول للطلب. ضع عليه وسم «لا رد» في Dossier، أو واصل الانتظار إن كان الإنتربول قد تواصل معك.
certificate-named = «{ $name }»
certificate-named-from = «{ $name }» ({ $country })
certificate-rule = يطلب الإنتربول شهادة سجل جنائي صادرة خلال الأشهر الـ { $months } الماضية.
certificate-soon-title = شهادة السجل الجنائي تنتهي صلاحيتها { $when }: { $name }
certificate-soon-body = { $certificate }، الصادرة يوم { $issued }، صالحة حتى { $last }. { $rule } اطلب شهادة جديدة في الوقت المناسب.
certificate-stale-title = انتهت صلاحية شهادة السجل الجنائي: { $name }
certificate-stale-body = { $certificate }، الصادرة يوم { $issued }، كانت صالحة حتى { $last }. { $rule } اطلب شهادة جديدة.
roster-soon-title = ينتهي إدراجك في قائمة الاحتياط { $when }: { $name }
roster-soon-body = إدراجك في قائمة الاحتياط لـ { $quoted } (منذ { $since }) صالح 3 سنوات: ينتهي يوم { $day }.
roster-expired-title = انتهى إدراجك في قائمة الاحتياط: { $name }
roster-expired-body = انتهى إدراجك في قائمة الاحتياط لـ { $quoted } (منذ { $since }) يوم { $day }، بعد 3 سنوات.
interview-soon-title = مقابلة { $when }: { $name }
interview-soon-body = مقابلة { $mode } لـ { $quoted }، يوم { $moment }.
interview-started-title = بدأت المقابلة: { $name }
interview-started-body = جرت المقابلة { $mode } لـ { $quoted } يوم { $moment }.
interview-place = المكان: { $place }
summary-title = { PLURAL($count) ->
    [zero] لا تذكيرات من Dossier
    [one] تذكير واحد من Dossier
    [two] تذكيران من Dossier
    [few] { $count } تذكيرات من Dossier
    [many] { $count } تذكيرًا من Dossier
   *[other] { $count } تذكير من Dossier
}
summary-line = • { $title } ({ $when })
summary-your-time = { $moment } بتوقيتك

## أحداث التقويم (.ics).
ics-deadline-title = الموعد النهائي لتقديم الطلبات: { $name }
ics-deadline-detail = يُغلق باب تقديم الطلبات يوم { $moment } (المنطقة الزمنية { $zone }).
ics-silence-title = 6 أشهر منذ تقديم الطلب: { $name }
ics-silence-detail = قُدّم الطلب يوم { $submitted }؛ تنقضي الأشهر الستة يوم { $day }. إن لم يصل رد حتى ذلك الحين، يعدّ الإنتربول الطلب غير مقبول.
ics-certificate-title = انتهاء صلاحية شهادة السجل الجنائي: { $name }
ics-certificate-detail = صدرت يوم { $issued }؛ ابتداءً من { $day } يتجاوز عمرها { $months } أشهر.
ics-certificate-detail-in = صدرت يوم { $issued } ({ $country })؛ ابتداءً من { $day } يتجاوز عمرها { $months } أشهر.
ics-roster-title = انتهاء الإدراج في قائمة الاحتياط: { $name }
ics-roster-detail = أُدرجت في قائمة الاحتياط يوم { $rostered }؛ الإدراج صالح 3 سنوات، حتى { $day }.
ics-interview-title = مقابلة: { $name }
ics-interview-detail = مقابلة { $mode }، يوم { $moment } (المنطقة الزمنية { $zone }).
ics-category = { $kind ->
    [silence] دون رد
    [certificate] شهادة السجل الجنائي
    [roster] قائمة الاحتياط
    [interview] مقابلة
   *[deadline] الموعد النهائي
}

## ملفات الوثائق: أسماء الملفات المقترحة.
file-part = { $part ->
    [cv] السيرة الذاتية
    [cover-letter] خطاب التقديم
    [diploma] الشهادة الدراسية
    [proof-of-employment] إثبات العمل
    [criminal-record] شهادة السجل الجنائي
    [references] المراجع
    [notice] إعلان الوظيفة
    [application-copy] نسخة الطلب
    [sent] مُرسَل
   *[document] وثيقة
}
pack-title = ملف الوثائق: { $title } ({ $reference })
pack-fallback-name = ملف وثائق الإنتربول
export-name = تصدير Dossier { $date }
references-heading = المراجع المهنية
references-name = الاسم: { $name }
references-contact = جهة الاتصال: { $contact }
references-relation = الصلة: { $relation }

## أرشيف Talentlink.
archive-title = طلب Talentlink: { $title } ({ $reference })
archive-name = أرشيف Talentlink { $reference }
archive-fallback-name = أرشيف Talentlink
archive-copy-label = النسخة المحفوظة من طلب Talentlink
archive-copy-missing = لا توجد نسخة محفوظة لهذا الطلب. نزّلها من Talentlink ما دام ذلك ممكنًا، واستوردها بوصفها نسخة من طلب Talentlink وأرفقها.
archive-sent-label = مُرسَل: { $kind }
archive-notice-label = نص إعلان الوظيفة
archive-notice-missing = لم يُحفظ نص إعلان هذه الوظيفة.
archive-complete = كل ما يحفظه Dossier لطلب Talentlink هذا.
archive-incomplete = كل ما يحفظه Dossier لطلب Talentlink هذا؛ وبعضه ناقص.

## صفحة بيان المحتويات.
manifest-included = مُدرَج
manifest-missing = ناقص
manifest-stale = منتهي الصلاحية، غير مُدرَج
manifest-other-files = ملفات أخرى
manifest-column-number = الرقم
manifest-column-item = الوثيقة
manifest-column-status = الحالة
manifest-column-file = الملف
manifest-column-bytes = البايتات
manifest-complete = مكتمل: جميع الوثائق مُدرَجة.
manifest-incomplete = غير مكتمل: هذه الوثائق ليست في هذا الملف.
manifest-candidate = الاسم: { $name }.
manifest-for = لوظيفة { $title } ({ $reference }). تاريخ التحقق { $checked }؛ تاريخ الإعداد { $created }.
manifest-check = تحقّق من ملف باستخدام { $linux } (Linux) أو { $mac } (macOS) أو { $windows } (Windows)؛ القائمة نفسها موجودة في بيان JSON. أعدّه Dossier ({ $format }).

## نوافذ الملفات: اسم مرشِّح نوع الملف.
dialog-filter = { $kind ->
    [zip] أرشيف zip
    [folder] مجلد
    [calendar] تقويم (iCalendar)
    [export] تصدير Dossier
    [notices] إعلانات الوظائف
   *[scans] ملفات PDF وصور ممسوحة ضوئيًا
}

## أنواع الوثائق، في اسم ملف أو سطر من بيان المحتويات.
document-kind = { $kind ->
    [cv] السيرة الذاتية
    [diploma] شهادة دراسية أو درجة علمية
    [proof_of_employment] إثبات العمل
    [criminal_record] شهادة السجل الجنائي
    [reference_letter] رسالة توصية
    [language_certificate] شهادة لغة
    [identity] جواز سفر أو بطاقة هوية
    [cover_letter] خطاب التقديم
    [talentlink_application] نسخة من طلب Talentlink
   *[other] وثيقة أخرى
}

## قائمة أيقونة شريط النظام.
tray-item = { $item ->
    [open] فتح Dossier
    [quit] إنهاء Dossier
   *[nothing] لا يوجد تذكير منتظر
}
tray-next = التذكير التالي في { $when }: { $title }

## تذكيرات تظهر وDossier مقفل: نوعها وموعدها، دون ما تتعلق به.
locked-when = { PLURAL($days) ->
    [zero] اليوم
    [one] غدًا
    [two] بعد يومين
    [few] بعد { $days } أيام
    [many] بعد { $days } يومًا
   *[other] بعد { $days } يوم
}
locked-reminder-title = { $kind ->
    [deadline] يحين موعد نهائي لتقديم الطلبات { $when }
    [interview] لديك مقابلة { $when }
    [silence] يبلغ طلب 6 أشهر دون رد { $when }
    [certificate] تنتهي صلاحية شهادة { $when }
   *[roster] ينتهي قيد في قائمة احتياطية { $when }
}
locked-reminder-body = افتح قفل Dossier لرؤيته.
locked-summary-title = { PLURAL($count) ->
    [zero] لا تذكيرات
    [one] حان تذكير واحد
    [two] حان تذكيران
    [few] حانت { $count } تذكيرات
    [many] حان { $count } تذكيرًا
   *[other] حان { $count } تذكير
}
locked-summary-body = افتح قفل Dossier لرؤيتها.

## Two sentences one after the other, and a list of names.
two-sentences = { $first } { $second }
list-pair = { $first }، { $rest }

## The pack's checklist, shown in the window and in the manifest.
checklist-label = { $line ->
    [cv] السيرة الذاتية
    [cover_letter] خطاب التقديم
    [profile] الشهادات الدراسية والدرجات العلمية
    [origin] شهادة السجل الجنائي: بلد الأصل
   *[references] مرجعان مهنيان
}
checklist-level = { $level ->
    [secondary] شهادة الدراسة الثانوية
    [post_secondary] شهادة ما بعد الثانوية
    [bachelor] درجة البكالوريوس
    [master] درجة الماجستير
   *[doctorate] الدكتوراه
}
checklist-level-in = { $level } في { $field }
checklist-diploma = شهادة دراسية: { $what }
checklist-employment = إثبات العمل: { $what }
checklist-certificate = شهادة السجل الجنائي: { $country }
checklist-no-document = لا توجد في الخزنة بعدُ وثيقة من هذا النوع ({ $kind }). استوردها من قسم المستندات.
checklist-expired = انتهت صلاحية { $title } يوم { $day }. استورد الوثيقة المجددة بوصفها نسخة جديدة منها.
checklist-present = { $title }.
checklist-not-proven = لا توجد في الخزنة وثيقة تفيد بأنها تُثبت هذا البند. استورد الوثيقة ({ $kind })، ثم اختر في تفاصيلها هذا البند من ملفك الشخصي تحت «يُثبت».
checklist-internship = يُطلب خطاب تقديم لطلبات التدريب.
checklist-no-profile = لم يُحفظ أي ملف شخصي بعدُ، لذا لا يستطيع Dossier معرفة الشهادات والوظائف التي يلزم إثباتها. املأ ملفك الشخصي.
checklist-official-proof = لا تُحتسب إلا الخبرة المدعومة بإثبات رسمي (قسيمة راتب أو عقد أو رسالة توصية).
checklist-no-origin = يلزم دائمًا تقديم شهادة سجل جنائي من بلد الأصل، ولا يذكر ملفك الشخصي هذا البلد. أضفه إلى ملفك الشخصي.
checklist-notice-asks = يطلب إعلان الوظيفة هذه الوثيقة ({ $kind }).
checklist-meeting-rules = المستوفون للقواعد: { $names }.
checklist-ready = { PLURAL($count) ->
    [zero] كل ما يطلبه الإنتربول من المرشح المختار جاهز.
    [one] كل ما يطلبه الإنتربول من المرشح المختار جاهز: وثيقة واحدة.
    [two] كل ما يطلبه الإنتربول من المرشح المختار جاهز: وثيقتان.
    [few] كل ما يطلبه الإنتربول من المرشح المختار جاهز: { $count } وثائق.
    [many] كل ما يطلبه الإنتربول من المرشح المختار جاهز: { $count } وثيقة.
   *[other] كل ما يطلبه الإنتربول من المرشح المختار جاهز: { $count } وثيقة.
}
checklist-not-ready = { PLURAL($total) ->
    [one] الجاهز { $satisfied } من وثيقة واحدة؛ { $problems }.
    [two] الجاهز { $satisfied } من وثيقتين؛ { $problems }.
    [few] الجاهز { $satisfied } من { $total } وثائق؛ { $problems }.
    [many] الجاهز { $satisfied } من { $total } وثيقة؛ { $problems }.
   *[other] الجاهز { $satisfied } من { $total } وثيقة؛ { $problems }.
}
checklist-missing = { PLURAL($count) ->
    [one] تنقص وثيقة واحدة
    [two] تنقص وثيقتان
    [few] تنقص { $count } وثائق
    [many] تنقص { $count } وثيقة
   *[other] تنقص { $count } وثيقة
}
checklist-stale = { PLURAL($count) ->
    [one] وثيقة واحدة منتهية الصلاحية
    [two] وثيقتان منتهيتا الصلاحية
    [few] { $count } وثائق منتهية الصلاحية
    [many] { $count } وثيقة منتهية الصلاحية
   *[other] { $count } وثيقة منتهية الصلاحية
}

## Criminal record certificates: why a country is asked for, and what the vault holds.
crc-days = { PLURAL($count) ->
    [zero] { $count } يوم
    [one] يومًا واحدًا
    [two] يومين
    [few] { $count } أيام
    [many] { $count } يومًا
   *[other] { $count } يوم
}
crc-stays = { PLURAL($count) ->
    [zero] { $count } فترة
    [one] فترة واحدة
    [two] فترتين
    [few] { $count } فترات
    [many] { $count } فترة
   *[other] { $count } فترة
}
crc-origin-always = بلد الأصل: تلزم دائمًا شهادة سجل جنائي صادرة عنه.
crc-origin-lived = بلد الأصل، وقد بلغت الإقامة فيه { $days } خلال السنوات الخمس من { $from } إلى { $to }، أي أكثر من سنة.
crc-origin-lived-stays = بلد الأصل، وقد بلغت الإقامة فيه { $days } موزعة على { $stays } خلال السنوات الخمس من { $from } إلى { $to }، أي أكثر من سنة.
crc-lived = بلغت الإقامة فيه { $days } خلال السنوات الخمس من { $from } إلى { $to }، أي أكثر من سنة.
crc-lived-stays = بلغت الإقامة فيه { $days } موزعة على { $stays } خلال السنوات الخمس من { $from } إلى { $to }، أي أكثر من سنة.
crc-missing = لا توجد في الخزنة شهادة سجل جنائي صادرة عن هذا البلد: { $country }.
crc-incomplete = { PLURAL($count) ->
    [one] لا يذكر { $titles } بلد الإصدار أو تاريخه؛ أكمل هذه البيانات كي يُحتسب.
   *[other] لا تذكر { $titles } بلد الإصدار أو تاريخه؛ أكمل هذه البيانات كي تُحتسب.
}
crc-left = { PLURAL($count) ->
    [zero] اليوم هو آخر يوم في صلاحيتها
    [one] بقي يوم واحد
    [two] بقي يومان
    [few] بقيت { $count } أيام
    [many] بقي { $count } يومًا
   *[other] بقي { $count } يوم
}
crc-covered = مستوفاة بـ { $title }، الصادرة يوم { $issued }، والصالحة حتى { $until }: { $left }.
crc-stale = أحدث شهادة صادرة عن هذا البلد ({ $country })، وهي { $title }، صدرت يوم { $issued } وكانت تُحتسب حتى { $until }؛ ويطلب الإنتربول شهادة صادرة خلال الأشهر الـ { $months } الماضية. اطلب شهادة جديدة.

## Professional references against INTERPOL's rules.
references-meet = { PLURAL($passing) ->
    [zero] لا يستوفي أي مرجع قواعد الإنتربول؛ ويلزم { $needed }.
    [one] يستوفي مرجع واحد قواعد الإنتربول؛ ويلزم { $needed }.
    [two] يستوفي مرجعان قواعد الإنتربول؛ ويلزم { $needed }.
    [few] يستوفي { $passing } مراجع قواعد الإنتربول؛ ويلزم { $needed }.
    [many] يستوفي { $passing } مرجعًا قواعد الإنتربول؛ ويلزم { $needed }.
   *[other] يستوفي { $passing } مرجع قواعد الإنتربول؛ ويلزم { $needed }.
}
references-could-count = { PLURAL($count) ->
    [one] قد يُحتسب مرجع آخر متى سُجلت البيانات الناقصة.
    [two] قد يُحتسب مرجعان آخران متى سُجلت البيانات الناقصة.
    [few] قد تُحتسب { $count } مراجع أخرى متى سُجلت البيانات الناقصة.
    [many] قد يُحتسب { $count } مرجعًا آخر متى سُجلت البيانات الناقصة.
   *[other] قد يُحتسب { $count } مرجع آخر متى سُجلت البيانات الناقصة.
}
references-add = أضف مرجعًا مهنيًا من خارج الإنتربول عمل معك مباشرة.
reference-rule = { $rule ->
    [no_contact] الاسم أو بيانات الاتصال ناقصة؛ ويطلب الإنتربول كليهما.
    [contact] الاسم وبيانات الاتصال مسجلة.
    [staff] يعمل في الإنتربول؛ ويجب أن تكون المراجع من خارج الإنتربول.
    [outside] من خارج الإنتربول.
    [staff_unknown] لم يُسجَّل ما إذا كان المرجع يعمل في الإنتربول.
    [indirect] لم يعمل معك مباشرة؛ ويطلب الإنتربول أشخاصًا عملوا معك مباشرة.
    [direct] عمل معك مباشرة.
    [direct_unknown] لم يُسجَّل ما إذا كان المرجع قد عمل معك مباشرة.
    [family] فرد من العائلة؛ ولا يجوز أن تكون المراجع من العائلة.
    [not_family] ليس فردًا من العائلة.
   *[family_unknown] لم يُسجَّل ما إذا كان المرجع فردًا من العائلة.
}
reference-advice = { $advice ->
    [not_hierarchical] لا تربطه بك علاقة تسلسل إداري: مقبول، وإن كان الإنتربول يفضّل مديرًا أو شخصًا كنت تديره.
   *[hierarchy_unknown] يفضّل الإنتربول مرجعًا تربطك به علاقة تسلسل إداري (مدير أو شخص كنت تديره)؛ سجّل ما إذا كان هذا المرجع كذلك.
}
