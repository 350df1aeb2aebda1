<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur" sourcelanguage="en">
<context>
    <name>AddSourceDialog</name>
    <message>
        <location filename="../ui/dialogs/add_source_dialog.py" line="51"/>
        <source>Add subscription</source>
        <translation>سبسکرپشن شامل کریں</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/add_source_dialog.py" line="55"/>
        <source>https://example.com/feed or a site&apos;s address</source>
        <translation>https://example.com/feed یا کسی سائٹ کا پتا</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/add_source_dialog.py" line="56"/>
        <source>Address</source>
        <translation>پتا</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/add_source_dialog.py" line="60"/>
        <source>Folder</source>
        <translation>فولڈر</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/add_source_dialog.py" line="70"/>
        <source>Subscribe</source>
        <translation>سبسکرائب کریں</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/add_source_dialog.py" line="74"/>
        <source>&amp;Address:</source>
        <translation>پتا:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/add_source_dialog.py" line="75"/>
        <source>&amp;Folder:</source>
        <translation>فولڈر:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/add_source_dialog.py" line="90"/>
        <source>Enter an address starting with https://</source>
        <translation>ایسا پتا لکھیں جو https:// سے شروع ہو</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/add_source_dialog.py" line="101"/>
        <source>Fetching…</source>
        <translation>لایا جا رہا ہے…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/add_source_dialog.py" line="118"/>
        <source>Kept {0}, but its host does not answer now ({1}). It is fetched at the next refresh.</source>
        <translation>{0} محفوظ کر لیا گیا، لیکن اس کا میزبان ابھی جواب نہیں دیتا ({1})۔ اگلی تازہ کاری پر اسے لایا جائے گا۔</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/add_source_dialog.py" line="124"/>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/add_source_dialog.py" line="130"/>
        <source>Could not subscribe: {0}</source>
        <translation>سبسکرائب نہیں ہو سکا: {0}</translation>
    </message>
</context>
<context>
    <name>DownloadsMenu</name>
    <message>
        <location filename="../ui/downloads_menu.py" line="33"/>
        <source>Pack for event</source>
        <translation>تقریب کے لیے تیار کریں</translation>
    </message>
</context>
<context>
    <name>DownloadsModel</name>
    <message>
        <location filename="../ui/models/downloads_model.py" line="48"/>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="49"/>
        <source>Status</source>
        <translation>حالت</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="50"/>
        <source>Progress</source>
        <translation>پیش رفت</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="51"/>
        <source>Speed</source>
        <translation>رفتار</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="52"/>
        <source>Time left</source>
        <translation>باقی وقت</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="53"/>
        <source>Line</source>
        <translation>لائن</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="56"/>
        <source>Queued</source>
        <translation>قطار میں</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="57"/>
        <source>Downloading</source>
        <translation>ڈاؤن لوڈ ہو رہا ہے</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="58"/>
        <source>Paused</source>
        <translation>رکا ہوا</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="59"/>
        <source>Done</source>
        <translation>مکمل</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="60"/>
        <source>Failed</source>
        <translation>ناکام</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="61"/>
        <source>Cancelled</source>
        <translation>منسوخ</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="64"/>
        <source>Looking up</source>
        <translation>تلاش ہو رہی ہے</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="65"/>
        <source>Merging</source>
        <translation>جوڑا جا رہا ہے</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="66"/>
        <source>Checking</source>
        <translation>جانچ ہو رہی ہے</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="67"/>
        <source>Subtitles</source>
        <translation>ذیلی عنوانات</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="68"/>
        <source>Healing from the replay</source>
        <translation>ری پلے سے درست کی جا رہی ہے</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="187"/>
        <source>No transfer from this host yet</source>
        <translation>اس میزبان سے ابھی کوئی منتقلی نہیں ہوئی</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="194"/>
        <source>waits for its window</source>
        <translation>اپنے وقت کا انتظار</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="196"/>
        <source>the budget is spent</source>
        <translation>بجٹ ختم ہو چکا</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="198"/>
        <source>tried again later</source>
        <translation>بعد میں پھر کوشش ہو گی</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="200"/>
        <source>its host is choked; good hosts first</source>
        <translation>میزبان کی لائن رکی ہوئی ہے؛ پہلے اچھے میزبان</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="202"/>
        <source>after the downloads for {0}</source>
        <translation>{0} کے ڈاؤن لوڈز کے بعد</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="204"/>
        <source>next</source>
        <translation>اگلا</translation>
    </message>
    <message>
        <location filename="../ui/models/downloads_model.py" line="205"/>
        <source>{0} before it</source>
        <translation>اس سے پہلے {0}</translation>
    </message>
</context>
<context>
    <name>DownloadsPanel</name>
    <message>
        <location filename="../ui/downloads_panel.py" line="79"/>
        <source>Video or audio address to download</source>
        <translation>ڈاؤن لوڈ کے لیے ویڈیو یا آڈیو کا پتا</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="80"/>
        <source>Address to download</source>
        <translation>ڈاؤن لوڈ کا پتا</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="82"/>
        <source>Quality</source>
        <translation>معیار</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="83"/>
        <source>Best</source>
        <translation>بہترین</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="83"/>
        <source>Audio only</source>
        <translation>صرف آڈیو</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="86"/>
        <source>Download</source>
        <translation>ڈاؤن لوڈ</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="88"/>
        <source>Record live</source>
        <translation>لائیو ریکارڈ کریں</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="90"/>
        <source>Record a live or upcoming stream until it ends (waits for it to start)</source>
        <translation>لائیو یا آنے والی سٹریم کو ختم ہونے تک ریکارڈ کریں (شروع ہونے کا انتظار کرتا ہے)</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="100"/>
        <source>Nothing queued. Download a video or audio by its address (Ctrl+Shift+D), or press D on an item that has one.</source>
        <translation>قطار خالی ہے۔ ویڈیو یا آڈیو اس کے پتے سے ڈاؤن لوڈ کریں (⁦Ctrl+Shift+D⁩)، یا جس تحریر میں ہو اس پر D دبائیں۔</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="105"/>
        <source>Download queue</source>
        <translation>ڈاؤن لوڈ کی قطار</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="128"/>
        <source>Play</source>
        <translation>چلائیں</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="129"/>
        <source>Pause</source>
        <translation>روکیں</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="130"/>
        <source>Resume</source>
        <translation>دوبارہ شروع کریں</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="131"/>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="132"/>
        <source>Retry</source>
        <translation>پھر کوشش کریں</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="133"/>
        <source>Move up</source>
        <translation>اوپر کریں</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="134"/>
        <source>Move down</source>
        <translation>نیچے کریں</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="279"/>
        <source>{0}. Trying again in a minute.</source>
        <translation>{0}۔ ایک منٹ میں پھر کوشش ہو گی۔</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="284"/>
        <source>{0} downloads wait for a better line; trying again in a minute</source>
        <translation>{0} ڈاؤن لوڈ بہتر لائن کے منتظر ہیں؛ ایک منٹ میں پھر کوشش ہو گی</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="290"/>
        <source>{0} downloads failed</source>
        <translation>{0} ڈاؤن لوڈ ناکام ہوئے</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="292"/>
        <source>{0} downloads finished</source>
        <translation>{0} ڈاؤن لوڈ مکمل ہوئے</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="294"/>
        <source>{0} recordings healed from their replays</source>
        <translation>{0} ریکارڈنگز ان کے ری پلے سے درست ہو گئیں</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="320"/>
        <source>Queued {0}</source>
        <translation>{0} قطار میں شامل</translation>
    </message>
    <message>
        <location filename="../ui/downloads_panel.py" line="340"/>
        <location filename="../ui/downloads_panel.py" line="348"/>
        <source>Enter an address that starts with http:// or https://</source>
        <translation>ایسا پتا لکھیں جو http:// یا https:// سے شروع ہو</translation>
    </message>
</context>
<context>
    <name>EntriesModel</name>
    <message>
        <location filename="../ui/models/events_model.py" line="80"/>
        <source>What</source>
        <translation>کیا</translation>
    </message>
    <message>
        <location filename="../ui/models/events_model.py" line="80"/>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <location filename="../ui/models/events_model.py" line="80"/>
        <source>State</source>
        <translation>حالت</translation>
    </message>
    <message>
        <location filename="../ui/models/events_model.py" line="80"/>
        <source>Size</source>
        <translation>حجم</translation>
    </message>
    <message>
        <location filename="../ui/models/events_model.py" line="82"/>
        <source>Source</source>
        <translation>ذریعہ</translation>
    </message>
    <message>
        <location filename="../ui/models/events_model.py" line="83"/>
        <source>Download</source>
        <translation>ڈاؤن لوڈ</translation>
    </message>
    <message>
        <location filename="../ui/models/events_model.py" line="84"/>
        <source>Stream to record</source>
        <translation>ریکارڈ ہونے والی لائیو سٹریم</translation>
    </message>
    <message>
        <location filename="../ui/models/events_model.py" line="87"/>
        <source>Ready</source>
        <translation>تیار</translation>
    </message>
    <message>
        <location filename="../ui/models/events_model.py" line="88"/>
        <source>Pending</source>
        <translation>باقی</translation>
    </message>
    <message>
        <location filename="../ui/models/events_model.py" line="89"/>
        <source>Failed</source>
        <translation>ناکام</translation>
    </message>
    <message>
        <location filename="../ui/models/events_model.py" line="125"/>
        <source>{0} items, {1} full articles</source>
        <translation>{0} تحریریں، {1} مکمل مضامین</translation>
    </message>
    <message>
        <location filename="../ui/models/events_model.py" line="128"/>
        <source>live now</source>
        <translation>ابھی لائیو</translation>
    </message>
    <message>
        <location filename="../ui/models/events_model.py" line="128"/>
        <source>upcoming</source>
        <translation>آنے والی</translation>
    </message>
    <message>
        <location filename="../ui/models/events_model.py" line="129"/>
        <source>Waiting to be recorded ({0})</source>
        <translation>ریکارڈنگ کا انتظار ({0})</translation>
    </message>
</context>
<context>
    <name>EventListModel</name>
    <message>
        <location filename="../ui/models/events_model.py" line="67"/>
        <source>in {0}</source>
        <translation>{0} میں</translation>
    </message>
    <message>
        <location filename="../ui/models/events_model.py" line="69"/>
        <source>{0} · {1} of {2} ready</source>
        <translation>{0} · {2} میں سے {1} تیار</translation>
    </message>
</context>
<context>
    <name>EventMenu</name>
    <message>
        <location filename="../ui/event_menu.py" line="26"/>
        <source>No event</source>
        <translation>کوئی تقریب نہیں</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <location filename="../ui/events_view.py" line="51"/>
        <source>Remove event {0}</source>
        <translation>تقریب {0} ہٹائیں</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="91"/>
        <source>Events</source>
        <translation>تقریبات</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="99"/>
        <source>Nothing tagged for this event yet. Drag a source onto the event, or choose Pack for event in a source&apos;s menu.</source>
        <translation>اس تقریب کے لیے ابھی کچھ نشان زد نہیں۔ کسی ذریعے کو گھسیٹ کر تقریب پر چھوڑیں، یا ذریعے کے مینو میں ”تقریب کے لیے تیار کریں“ چنیں۔</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="104"/>
        <source>Tagged for this event</source>
        <translation>اس تقریب کے لیے نشان زد</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="112"/>
        <source>New event, e.g. rally</source>
        <translation>نئی تقریب، مثلاً جلسہ</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="113"/>
        <source>New event&apos;s name</source>
        <translation>نئی تقریب کا نام</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="121"/>
        <source>New event&apos;s time</source>
        <translation>نئی تقریب کا وقت</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="122"/>
        <source>&amp;Add event</source>
        <translation>تقریب شامل کریں</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="138"/>
        <source>Time until the event</source>
        <translation>تقریب تک باقی وقت</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="140"/>
        <source>Packed so far</source>
        <translation>اب تک تیار</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="143"/>
        <source>Will it be ready in time</source>
        <translation>کیا یہ وقت پر تیار ہوگا</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="144"/>
        <source>&amp;Pack now</source>
        <translation>ابھی تیار کریں</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="146"/>
        <source>Refresh what is tagged for this event now and fetch its downloads</source>
        <translation>اس تقریب کے لیے نشان زد ذرائع ابھی تازہ کریں اور ان کے ڈاؤن لوڈ حاصل کریں</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="149"/>
        <source>&amp;Remove event</source>
        <translation>تقریب ہٹائیں</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="164"/>
        <source>No events yet. Name what you are packing for (the rally, the vote) and when it starts, above. Then tag channels, feeds and streams to it from their menus, or drag a source from the list onto the event.</source>
        <translation>ابھی کوئی تقریب نہیں۔ اوپر لکھیں کہ آپ کس کے لیے تیاری کر رہے ہیں (جلسہ، ووٹ) اور وہ کب شروع ہوگی۔ پھر چینل، فیڈ اور سٹریم ان کے مینو سے اس تقریب کے لیے نشان زد کریں، یا فہرست سے کوئی ذریعہ کھینچ کر تقریب پر چھوڑ دیں۔</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="252"/>
        <source>{0} ready, {1} to fetch</source>
        <translation>{0} تیار، {1} حاصل کرنا باقی</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="265"/>
        <source>in {0}</source>
        <translation>{0} میں</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="272"/>
        <source>{0} more of a size not known yet.</source>
        <translation>{0} مزید، جن کا حجم ابھی معلوم نہیں۔</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="277"/>
        <source>No data budget set.</source>
        <translation>ڈیٹا کا کوئی بجٹ مقرر نہیں۔</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="279"/>
        <source>Budget left today: {0}.</source>
        <translation>آج کا باقی بجٹ: {0}۔</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="282"/>
        <source>Everything of a known size is ready offline.</source>
        <translation>معلوم حجم کی ہر چیز آف لائن تیار ہے۔</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="287"/>
        <source>{0} to fetch, more than the budget left allows.</source>
        <translation>{0} حاصل کرنا باقی، جو باقی بجٹ سے زیادہ ہے۔</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="289"/>
        <source>{0} to fetch; the line&apos;s speed is not measured yet.</source>
        <translation>{0} حاصل کرنا باقی؛ لائن کی رفتار ابھی ناپی نہیں گئی۔</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="294"/>
        <source>{0} to fetch at {1}: about {2}, ready before it begins.</source>
        <translation>{1} کی رفتار سے {0} حاصل کرنا باقی: تقریباً {2}، شروع ہونے سے پہلے تیار۔</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="296"/>
        <source>{0} to fetch at {1}: about {2}, not ready before it begins.</source>
        <translation>{1} کی رفتار سے {0} حاصل کرنا باقی: تقریباً {2}، شروع ہونے سے پہلے تیار نہیں۔</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="316"/>
        <source>Name the event first (e.g. rally)</source>
        <translation>پہلے تقریب کا نام لکھیں (مثلاً جلسہ)</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="323"/>
        <source>Added event {0}</source>
        <translation>تقریب {0} شامل کی گئی</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="333"/>
        <source>Removed event {0}; Ctrl+Z puts it back</source>
        <translation>تقریب {0} ہٹا دی گئی؛ ⁦Ctrl+Z⁩ اسے واپس لاتا ہے</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="340"/>
        <source>Tagged {0} sources for {1}</source>
        <translation>{1} کے لیے {0} ذرائع نشان زد کیے گئے</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="352"/>
        <source>Packing for {0}…</source>
        <translation>{0} کے لیے تیاری…</translation>
    </message>
    <message>
        <location filename="../ui/events_view.py" line="364"/>
        <source>Packed for {0}: {1} new items</source>
        <translation>{0} کے لیے تیار: {1} نئی چیزیں</translation>
    </message>
</context>
<context>
    <name>GapSlider</name>
    <message>
        <location filename="../ui/gap_slider.py" line="28"/>
        <source>Gaps in the recording at {0}</source>
        <translation>ریکارڈنگ میں خلا: {0}</translation>
    </message>
</context>
<context>
    <name>GetDialog</name>
    <message>
        <location filename="../ui/dialogs/get_bundle_dialog.py" line="31"/>
        <source>Get a bundle from the swarm</source>
        <translation>سوارم سے بنڈل حاصل کریں</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/get_bundle_dialog.py" line="33"/>
        <source>magnet:?xt=… or a .torrent file</source>
        <translation>magnet:?xt=… یا ‎.torrent فائل</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/get_bundle_dialog.py" line="34"/>
        <source>Magnet link or torrent file</source>
        <translation>میگنیٹ لنک یا ٹورینٹ فائل</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/get_bundle_dialog.py" line="35"/>
        <source>&amp;File…</source>
        <translation>&amp;فائل…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/get_bundle_dialog.py" line="37"/>
        <source>From a &amp;QR picture…</source>
        <translation>QR &amp;تصویر سے…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/get_bundle_dialog.py" line="38"/>
        <source>A photo or screenshot of the QR code the seeder shows</source>
        <translation>بانٹنے والے کے دکھائے QR کوڈ کی تصویر یا اسکرین شاٹ</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/get_bundle_dialog.py" line="45"/>
        <source>optional: 192.168.1.5:6881, …</source>
        <translation>اختیاری: 192.168.1.5:6881، …</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/get_bundle_dialog.py" line="46"/>
        <source>Peers to ask</source>
        <translation>جن ساتھیوں سے مانگنا ہے</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/get_bundle_dialog.py" line="55"/>
        <source>&amp;Link:</source>
        <translation>&amp;لنک:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/get_bundle_dialog.py" line="56"/>
        <source>&amp;Peers:</source>
        <translation>&amp;ساتھی:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/get_bundle_dialog.py" line="63"/>
        <source>Torrent file</source>
        <translation>ٹورینٹ فائل</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/get_bundle_dialog.py" line="63"/>
        <source>Torrent files (*.torrent)</source>
        <translation>ٹورینٹ فائلیں (*.torrent)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/get_bundle_dialog.py" line="72"/>
        <source>Picture of the QR code</source>
        <translation>QR کوڈ کی تصویر</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/get_bundle_dialog.py" line="72"/>
        <source>Pictures ({0})</source>
        <translation>تصویریں ({0})</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/get_bundle_dialog.py" line="80"/>
        <source>Reading the QR code…</source>
        <translation>QR کوڈ پڑھا جا رہا ہے…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/get_bundle_dialog.py" line="105"/>
        <source>Give a magnet link or a .torrent file that exists</source>
        <translation>میگنیٹ لنک یا کوئی موجود ‎.torrent فائل دیں</translation>
    </message>
</context>
<context>
    <name>ItemListModel</name>
    <message>
        <location filename="../ui/models/item_list_model.py" line="64"/>
        <source>(untitled)</source>
        <translation>(بے عنوان)</translation>
    </message>
    <message>
        <location filename="../ui/models/item_list_model.py" line="80"/>
        <source>From a bundle packed by someone you have not trusted</source>
        <translation>ایسے بنڈل سے جسے کسی ایسے شخص نے باندھا جس پر آپ نے بھروسہ نہیں کیا</translation>
    </message>
    <message>
        <location filename="../ui/models/item_list_model.py" line="95"/>
        <source>Not packed yet</source>
        <translation>ابھی محفوظ نہیں</translation>
    </message>
    <message>
        <location filename="../ui/models/item_list_model.py" line="96"/>
        <source>Summary</source>
        <translation>خلاصہ</translation>
    </message>
    <message>
        <location filename="../ui/models/item_list_model.py" line="97"/>
        <source>Full article</source>
        <translation>مکمل مضمون</translation>
    </message>
    <message>
        <location filename="../ui/models/item_list_model.py" line="98"/>
        <source>Summary only</source>
        <translation>صرف خلاصہ</translation>
    </message>
    <message>
        <location filename="../ui/models/item_list_model.py" line="99"/>
        <source>Queued</source>
        <translation>قطار میں</translation>
    </message>
    <message>
        <location filename="../ui/models/item_list_model.py" line="100"/>
        <source>Downloading</source>
        <translation>ڈاؤن لوڈ ہو رہا ہے</translation>
    </message>
    <message>
        <location filename="../ui/models/item_list_model.py" line="101"/>
        <source>Recording</source>
        <translation>ریکارڈنگ</translation>
    </message>
    <message>
        <location filename="../ui/models/item_list_model.py" line="102"/>
        <source>Video ready</source>
        <translation>ویڈیو تیار</translation>
    </message>
    <message>
        <location filename="../ui/models/item_list_model.py" line="103"/>
        <source>Failed</source>
        <translation>ناکام</translation>
    </message>
    <message>
        <location filename="../ui/models/item_list_model.py" line="104"/>
        <source>Upcoming stream</source>
        <translation>آنے والی براہِ راست نشریات</translation>
    </message>
    <message>
        <location filename="../ui/models/item_list_model.py" line="105"/>
        <source>Live now</source>
        <translation>ابھی براہِ راست</translation>
    </message>
</context>
<context>
    <name>ItemView</name>
    <message>
        <location filename="../ui/item_view.py" line="103"/>
        <source>Item text</source>
        <translation>تحریر</translation>
    </message>
    <message>
        <location filename="../ui/item_view.py" line="171"/>
        <source>original page</source>
        <translation>اصل صفحہ</translation>
    </message>
    <message>
        <location filename="../ui/item_view.py" line="177"/>
        <source>From a bundle packed by key {0}, not among the packers you trust</source>
        <translation>کلید {0} سے باندھے گئے بنڈل سے، جو آپ کے بھروسے والے پیک کرنے والوں میں نہیں</translation>
    </message>
    <message>
        <location filename="../ui/item_view.py" line="187"/>
        <source>Showing another reading of the page.</source>
        <translation>صفحے کی ایک اور صورت دکھائی جا رہی ہے۔</translation>
    </message>
    <message>
        <location filename="../ui/item_view.py" line="188"/>
        <location filename="../ui/item_view.py" line="191"/>
        <source>Show the article as packed</source>
        <translation>مضمون ویسا دکھائیں جیسا باندھا گیا</translation>
    </message>
    <message>
        <location filename="../ui/item_view.py" line="190"/>
        <source>Showing the whole page as it was kept, without its layout.</source>
        <translation>پورا صفحہ دکھایا جا رہا ہے جیسا رکھا گیا تھا، اس کی ترتیب کے بغیر۔</translation>
    </message>
    <message>
        <location filename="../ui/item_view.py" line="193"/>
        <source>Showing the feed&apos;s text: {0}</source>
        <translation>فیڈ کی اپنی تحریر دکھائی جا رہی ہے: {0}</translation>
    </message>
    <message>
        <location filename="../ui/item_view.py" line="206"/>
        <source>This article may be cut short: the page&apos;s paragraphs hold about {0} words, {1} were kept.</source>
        <translation>یہ مضمون شاید ادھورا ہے: صفحے کے پیراگراف میں تقریباً {0} الفاظ ہیں، {1} رکھے گئے۔</translation>
    </message>
    <message>
        <location filename="../ui/item_view.py" line="211"/>
        <source>Show the whole page</source>
        <translation>پورا صفحہ دکھائیں</translation>
    </message>
    <message>
        <location filename="../ui/item_view.py" line="213"/>
        <source>Show the other version</source>
        <translation>دوسری صورت دکھائیں</translation>
    </message>
</context>
<context>
    <name>ItemsPane</name>
    <message>
        <location filename="../ui/items_pane.py" line="77"/>
        <source>Items</source>
        <translation>تحریریں</translation>
    </message>
    <message>
        <location filename="../ui/items_pane.py" line="85"/>
        <source>Search results</source>
        <translation>تلاش کے نتائج</translation>
    </message>
    <message>
        <location filename="../ui/items_pane.py" line="87"/>
        <source>Search (Ctrl+F)</source>
        <translation>تلاش (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../ui/items_pane.py" line="89"/>
        <source>Search</source>
        <translation>تلاش</translation>
    </message>
    <message>
        <location filename="../ui/items_pane.py" line="92"/>
        <source>Show</source>
        <translation>دکھائیں</translation>
    </message>
    <message>
        <location filename="../ui/items_pane.py" line="94"/>
        <source>All items</source>
        <translation>تمام تحریریں</translation>
    </message>
    <message>
        <location filename="../ui/items_pane.py" line="95"/>
        <source>Unread</source>
        <translation>ان پڑھی</translation>
    </message>
    <message>
        <location filename="../ui/items_pane.py" line="96"/>
        <source>Ready offline</source>
        <translation>آف لائن تیار</translation>
    </message>
    <message>
        <location filename="../ui/items_pane.py" line="149"/>
        <source>Download its video or audio</source>
        <translation>اس کی ویڈیو یا آڈیو ڈاؤن لوڈ کریں</translation>
    </message>
    <message>
        <location filename="../ui/items_pane.py" line="153"/>
        <source>Download for event</source>
        <translation>تقریب کے لیے ڈاؤن لوڈ کریں</translation>
    </message>
    <message>
        <location filename="../ui/items_pane.py" line="175"/>
        <source>No items here yet. Refresh (F5) while the line is good, or add a feed or a channel (Ctrl+N).</source>
        <translation>یہاں ابھی کوئی تحریر نہیں۔ لائن ٹھیک ہو تو تازہ کریں (F5)، یا فیڈ یا چینل شامل کریں (⁦Ctrl+N⁩)۔</translation>
    </message>
    <message>
        <location filename="../ui/items_pane.py" line="179"/>
        <source>Everything here is read. Show all items with Ctrl+Shift+A.</source>
        <translation>یہاں سب پڑھا جا چکا ہے۔ تمام تحریریں ⁦Ctrl+Shift+A⁩ سے دکھائیں۔</translation>
    </message>
    <message>
        <location filename="../ui/items_pane.py" line="182"/>
        <source>Nothing here is ready offline yet. Refresh (F5) and download videos (D) while the line is good.</source>
        <translation>یہاں ابھی کچھ آف لائن تیار نہیں۔ لائن ٹھیک ہو تو تازہ کریں (F5) اور ویڈیوز ڈاؤن لوڈ کریں (D)۔</translation>
    </message>
    <message>
        <location filename="../ui/items_pane.py" line="147"/>
        <location filename="../ui/items_pane.py" line="272"/>
        <source>Mark read</source>
        <translation>پڑھا ہوا کریں</translation>
    </message>
    <message>
        <location filename="../ui/items_pane.py" line="147"/>
        <location filename="../ui/items_pane.py" line="272"/>
        <source>Mark unread</source>
        <translation>ان پڑھا کریں</translation>
    </message>
    <message>
        <location filename="../ui/items_pane.py" line="280"/>
        <source>Mark all read</source>
        <translation>سب پڑھا ہوا کریں</translation>
    </message>
    <message>
        <location filename="../ui/items_pane.py" line="313"/>
        <source>Nothing matches “{0}”. Esc goes back.</source>
        <translation>”{0}“ سے کچھ نہیں ملا۔ Esc سے واپس جائیں۔</translation>
    </message>
    <message>
        <location filename="../ui/items_pane.py" line="317"/>
        <source>{0} matches for “{1}”</source>
        <translation>“{1}” کے {0} نتائج</translation>
    </message>
</context>
<context>
    <name>LanDialog</name>
    <message>
        <location filename="../ui/share_menu.py" line="53"/>
        <source>Library on the local network</source>
        <translation>مقامی نیٹ ورک پر کتب خانہ</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="57"/>
        <source>QR code of the address</source>
        <translation>پتے کا QR کوڈ</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="62"/>
        <source>Access code: {0}</source>
        <translation>رسائی کوڈ: {0}</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="65"/>
        <source>Phones on the same Wi-Fi can scan this code to read and watch the library. Nothing can be changed from there. Turn sharing off in the Share menu.</source>
        <translation>اسی وائی فائی پر موجود فون یہ کوڈ سکین کر کے کتب خانہ پڑھ اور دیکھ سکتے ہیں۔ وہاں سے کچھ تبدیل نہیں ہو سکتا۔ شیئرنگ شیئر کے مینو سے بند کریں۔</translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <location filename="../ui/dialogs/fields.py" line="56"/>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/fields.py" line="57"/>
        <source>As the system</source>
        <translation>سسٹم کے مطابق</translation>
    </message>
</context>
<context>
    <name>LineChart</name>
    <message>
        <location filename="../ui/line_chart.py" line="34"/>
        <source>Speed of each host over the last day</source>
        <translation>پچھلے ایک دن میں ہر میزبان کی رفتار</translation>
    </message>
    <message>
        <location filename="../ui/line_chart.py" line="67"/>
        <source>{0}: {1} transfers, {2} failed, best {3}</source>
        <translation>{0}: {1} منتقلیاں، {2} ناکام، بہترین {3}</translation>
    </message>
    <message>
        <location filename="../ui/line_chart.py" line="71"/>
        <source>No transfer in the last day</source>
        <translation>پچھلے ایک دن میں کوئی منتقلی نہیں</translation>
    </message>
</context>
<context>
    <name>LineModel</name>
    <message>
        <location filename="../ui/models/line_model.py" line="40"/>
        <source>Host</source>
        <translation>میزبان</translation>
    </message>
    <message>
        <location filename="../ui/models/line_model.py" line="41"/>
        <source>State</source>
        <translation>حالت</translation>
    </message>
    <message>
        <location filename="../ui/models/line_model.py" line="42"/>
        <source>Why</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <location filename="../ui/models/line_model.py" line="43"/>
        <source>Speed now / usual</source>
        <translation>رفتار اب / عام</translation>
    </message>
    <message>
        <location filename="../ui/models/line_model.py" line="44"/>
        <source>Path</source>
        <translation>راستہ</translation>
    </message>
    <message>
        <location filename="../ui/models/line_model.py" line="45"/>
        <source>History</source>
        <translation>تاریخچہ</translation>
    </message>
    <message>
        <location filename="../ui/models/line_model.py" line="87"/>
        <source>via proxy {0}</source>
        <translation>پراکسی {0} کے ذریعے</translation>
    </message>
    <message>
        <location filename="../ui/models/line_model.py" line="89"/>
        <location filename="../ui/models/line_model.py" line="92"/>
        <source>direct</source>
        <translation>براہِ راست</translation>
    </message>
    <message>
        <location filename="../ui/models/line_model.py" line="92"/>
        <source>via the proxy</source>
        <translation>پراکسی کے ذریعے</translation>
    </message>
    <message>
        <location filename="../ui/models/line_model.py" line="93"/>
        <source>{0} (the last transfer went {1})</source>
        <translation>{0} (آخری منتقلی {1} ہوئی)</translation>
    </message>
</context>
<context>
    <name>LinePanel</name>
    <message>
        <location filename="../ui/line_panel.py" line="94"/>
        <source>No host contacted yet. Each host&apos;s line shows here after the first refresh (F5) or download.</source>
        <translation>ابھی کسی میزبان سے رابطہ نہیں ہوا۔ پہلی تازہ کاری (F5) یا ڈاؤن لوڈ کے بعد ہر میزبان کی لائن یہاں دکھائی دے گی۔</translation>
    </message>
    <message>
        <location filename="../ui/line_panel.py" line="102"/>
        <source>Line state per host</source>
        <translation>ہر میزبان کی لائن کی حالت</translation>
    </message>
    <message>
        <location filename="../ui/line_panel.py" line="109"/>
        <source>Overall line state</source>
        <translation>لائن کی مجموعی حالت</translation>
    </message>
    <message>
        <location filename="../ui/line_panel.py" line="110"/>
        <source>&amp;Probe now</source>
        <translation>ابھی جانچیں</translation>
    </message>
    <message>
        <location filename="../ui/line_panel.py" line="111"/>
        <source>Ask every known host once, now</source>
        <translation>ہر معلوم میزبان سے ابھی ایک بار پوچھیں</translation>
    </message>
    <message>
        <location filename="../ui/line_panel.py" line="145"/>
        <source>Probing…</source>
        <translation>جانچ ہو رہی ہے…</translation>
    </message>
    <message>
        <location filename="../ui/line_panel.py" line="175"/>
        <source>Line not known yet: refresh, or probe now.</source>
        <translation>لائن کا حال ابھی معلوم نہیں: تازہ کریں، یا ابھی جانچیں۔</translation>
    </message>
    <message>
        <location filename="../ui/line_panel.py" line="179"/>
        <source>{0} good</source>
        <translation>{0} اچھی</translation>
    </message>
    <message>
        <location filename="../ui/line_panel.py" line="180"/>
        <source>{0} throttled</source>
        <translation>{0} سست</translation>
    </message>
    <message>
        <location filename="../ui/line_panel.py" line="181"/>
        <source>{0} blocked</source>
        <translation>{0} بند</translation>
    </message>
    <message>
        <location filename="../ui/line_panel.py" line="184"/>
        <source>Offline: nothing answers.</source>
        <translation>آف لائن: کوئی جواب نہیں دیتا۔</translation>
    </message>
    <message>
        <location filename="../ui/line_panel.py" line="185"/>
        <source>Line: {0} ({1})</source>
        <translation>لائن: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../ui/line_panel.py" line="188"/>
        <source>Could not read the line history: {0}</source>
        <translation>لائن کا تاریخچہ نہیں پڑھا جا سکا: {0}</translation>
    </message>
</context>
<context>
    <name>LineReasons</name>
    <message>
        <location filename="../ui/models/line_reasons.py" line="25"/>
        <source>Good</source>
        <translation>اچھی</translation>
    </message>
    <message>
        <location filename="../ui/models/line_reasons.py" line="26"/>
        <source>Throttled</source>
        <translation>سست کی گئی</translation>
    </message>
    <message>
        <location filename="../ui/models/line_reasons.py" line="27"/>
        <source>Blocked</source>
        <translation>بند</translation>
    </message>
    <message>
        <location filename="../ui/models/line_reasons.py" line="28"/>
        <source>Offline</source>
        <translation>آف لائن</translation>
    </message>
    <message>
        <location filename="../ui/models/line_reasons.py" line="30"/>
        <source>Unknown</source>
        <translation>نامعلوم</translation>
    </message>
    <message>
        <location filename="../ui/models/line_reasons.py" line="36"/>
        <source>its name does not resolve</source>
        <translation>اس کا نام حل نہیں ہوتا (DNS)</translation>
    </message>
    <message>
        <location filename="../ui/models/line_reasons.py" line="37"/>
        <source>connections are refused</source>
        <translation>کنکشن رد کیے جاتے ہیں</translation>
    </message>
    <message>
        <location filename="../ui/models/line_reasons.py" line="38"/>
        <source>connections are reset</source>
        <translation>کنکشن توڑ دیے جاتے ہیں</translation>
    </message>
    <message>
        <location filename="../ui/models/line_reasons.py" line="39"/>
        <source>the TLS handshake is cut</source>
        <translation>TLS مصافحہ کاٹ دیا جاتا ہے</translation>
    </message>
    <message>
        <location filename="../ui/models/line_reasons.py" line="40"/>
        <source>connections time out</source>
        <translation>کنکشن کا وقت ختم ہو جاتا ہے</translation>
    </message>
    <message>
        <location filename="../ui/models/line_reasons.py" line="41"/>
        <source>it sends a web page where a feed or file was expected</source>
        <translation>فیڈ یا فائل کی جگہ ویب صفحہ بھیجتا ہے</translation>
    </message>
    <message>
        <location filename="../ui/models/line_reasons.py" line="44"/>
        <source>transfers stall</source>
        <translation>منتقلی رک جاتی ہے</translation>
    </message>
    <message>
        <location filename="../ui/models/line_reasons.py" line="45"/>
        <source>transfers trickle below the minimum rate</source>
        <translation>منتقلی کم از کم رفتار سے بھی سست ہے</translation>
    </message>
    <message>
        <location filename="../ui/models/line_reasons.py" line="48"/>
        <source>it answers with errors</source>
        <translation>جواب میں غلطیاں دیتا ہے</translation>
    </message>
    <message>
        <location filename="../ui/models/line_reasons.py" line="58"/>
        <source>nothing answers: {0}</source>
        <translation>کچھ بھی جواب نہیں دیتا: {0}</translation>
    </message>
    <message>
        <location filename="../ui/models/line_reasons.py" line="60"/>
        <source>{0}, while other hosts answer</source>
        <translation>{0}، جبکہ دوسرے میزبان جواب دیتے ہیں</translation>
    </message>
    <message>
        <location filename="../ui/models/line_reasons.py" line="67"/>
        <source>{0}, {1} of its usual {2}</source>
        <translation>{0}، اپنی معمول کی {2} کا {1}</translation>
    </message>
    <message>
        <location filename="../ui/models/line_reasons.py" line="72"/>
        <source>answers</source>
        <translation>جواب دیتا ہے</translation>
    </message>
    <message>
        <location filename="../ui/models/line_reasons.py" line="73"/>
        <source>answers at {0}</source>
        <translation>{0} کی رفتار سے جواب دیتا ہے</translation>
    </message>
    <message>
        <location filename="../ui/models/line_reasons.py" line="75"/>
        <source>answers, though the last try failed: {0}</source>
        <translation>جواب دیتا ہے، اگرچہ پچھلی کوشش ناکام رہی: {0}</translation>
    </message>
</context>
<context>
    <name>MagnetDialog</name>
    <message>
        <location filename="../ui/swarm_menu.py" line="43"/>
        <source>{0} in the swarm</source>
        <translation>سوارم میں {0}</translation>
    </message>
    <message>
        <location filename="../ui/swarm_menu.py" line="47"/>
        <source>QR code of the magnet link</source>
        <translation>میگنیٹ لنک کا QR کوڈ</translation>
    </message>
    <message>
        <location filename="../ui/swarm_menu.py" line="50"/>
        <source>Magnet link</source>
        <translation>میگنیٹ لنک</translation>
    </message>
    <message>
        <location filename="../ui/swarm_menu.py" line="53"/>
        <source>Other Tiffin copies on this network find it by themselves; give others this link or let them scan the code. Peers connect to port {0}.</source>
        <translation>اس نیٹ ورک پر ٹفن کی دوسری کاپیاں اسے خود ڈھونڈ لیتی ہیں؛ دوسروں کو یہ لنک دیں یا کوڈ اسکین کرنے دیں۔ ساتھی پورٹ {0} سے جڑتے ہیں۔</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/main_window.py" line="84"/>
        <source>Tiffin</source>
        <translation>ٹفن</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="106"/>
        <source>Reader, events, watch, player, downloads and line</source>
        <translation>مطالعہ، تقریبات، دیکھیں، پلیئر، ڈاؤن لوڈز اور لائن</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="107"/>
        <source>Reader</source>
        <translation>قاری</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="108"/>
        <source>Events</source>
        <translation>تقریبات</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="109"/>
        <source>Watch</source>
        <translation>دیکھیں</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="110"/>
        <source>Player</source>
        <translation>پلیئر</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="111"/>
        <source>Downloads</source>
        <translation>ڈاؤن لوڈ</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="112"/>
        <source>Line</source>
        <translation>لائن</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="130"/>
        <source>Line state</source>
        <translation>لائن کی حالت</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="132"/>
        <source>Next event</source>
        <translation>اگلی تقریب</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="237"/>
        <source>Ctrl+4 shows each host</source>
        <translation>Ctrl+4 ہر میزبان دکھاتا ہے</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="245"/>
        <source>Open link</source>
        <translation>ربط کھولیں</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="246"/>
        <source>Open this address in your browser?

{0}</source>
        <translation>یہ پتا اپنے براؤزر میں کھولیں؟

{0}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="272"/>
        <source>Settings saved and in use</source>
        <translation>ترتیبات محفوظ ہو گئیں اور نافذ ہیں</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="274"/>
        <source>; the proxy password is kept in {0}</source>
        <translation>؛ پراکسی کا پاس ورڈ {0} میں رکھا گیا ہے</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="298"/>
        <source>Packed for {0}</source>
        <translation>{0} کے لیے تیار</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="299"/>
        <source>All {0} downloads are ready</source>
        <translation>تمام {0} ڈاؤن لوڈ تیار ہیں</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="318"/>
        <source>{0} in {1} · {2}/{3} packed</source>
        <translation>{0}: {1} باقی · {2}/{3} تیار</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="322"/>
        <source>Ctrl+5 shows every event</source>
        <translation>⁦Ctrl+5⁩ ہر تقریب دکھاتا ہے</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="353"/>
        <source>This item has no video or audio</source>
        <translation>اس تحریر میں کوئی ویڈیو یا آڈیو نہیں</translation>
    </message>
</context>
<context>
    <name>MediaHours</name>
    <message>
        <location filename="../ui/dialogs/fields.py" line="32"/>
        <source>Download video and audio only between</source>
        <translation>ویڈیو اور آڈیو صرف اس وقت کے درمیان ڈاؤن لوڈ کریں</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/fields.py" line="35"/>
        <location filename="../ui/dialogs/fields.py" line="36"/>
        <source>:00</source>
        <translation>:00</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/fields.py" line="35"/>
        <source>From hour</source>
        <translation>شروع کا گھنٹہ</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/fields.py" line="36"/>
        <source>Until hour</source>
        <translation>آخری گھنٹہ</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/fields.py" line="39"/>
        <source>and</source>
        <translation>اور</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../ui/message_bar.py" line="21"/>
        <source>Message</source>
        <translation>پیغام</translation>
    </message>
    <message>
        <location filename="../ui/message_bar.py" line="28"/>
        <source>Close the message</source>
        <translation>پیغام بند کریں</translation>
    </message>
    <message>
        <location filename="../ui/message_bar.py" line="29"/>
        <source>Close the message (Esc)</source>
        <translation>پیغام بند کریں (⁦Esc⁩)</translation>
    </message>
</context>
<context>
    <name>PlayerWidget</name>
    <message>
        <location filename="../ui/player.py" line="74"/>
        <source>Player</source>
        <translation>پلیئر</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="80"/>
        <source>Video</source>
        <translation>ویڈیو</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="84"/>
        <location filename="../ui/player.py" line="119"/>
        <source>Audio only</source>
        <translation>صرف آڈیو</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="91"/>
        <location filename="../ui/player.py" line="114"/>
        <source>Subtitles</source>
        <translation>ذیلی عنوانات</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="99"/>
        <source>Play or pause</source>
        <translation>چلائیں یا روکیں</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="102"/>
        <source>Position</source>
        <translation>مقام</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="106"/>
        <source>Speed</source>
        <translation>رفتار</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="123"/>
        <source>Volume</source>
        <translation>آواز</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="124"/>
        <source>Volume (Up and Down; M mutes)</source>
        <translation>آواز (اوپر اور نیچے کے تیر؛ M خاموش کرتا ہے)</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="131"/>
        <source>Full screen</source>
        <translation>پوری اسکرین</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="132"/>
        <source>Full screen (F; Esc leaves it)</source>
        <translation>پوری اسکرین (F؛ Esc سے واپس)</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="185"/>
        <source>No subtitles</source>
        <translation>ذیلی عنوانات نہیں</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="193"/>
        <source>♪ {0}</source>
        <translation>♪ {0}</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="305"/>
        <source>Pause</source>
        <translation>روکیں</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="305"/>
        <source>Play</source>
        <translation>چلائیں</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../ui/qt_strings.py" line="39"/>
        <source>Look in:</source>
        <translation>اس میں دیکھیں:</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="40"/>
        <source>File &amp;name:</source>
        <translation>فائل کا نام:</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="41"/>
        <source>Files of type:</source>
        <translation>فائل کی قسم:</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="42"/>
        <source>Directory:</source>
        <translation>فولڈر:</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="43"/>
        <source>&amp;Open</source>
        <translation>کھولیں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="44"/>
        <source>&amp;Save</source>
        <translation>محفوظ کریں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="45"/>
        <source>&amp;Choose</source>
        <translation>منتخب کریں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="46"/>
        <source>Back</source>
        <translation>پیچھے</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="47"/>
        <source>Forward</source>
        <translation>آگے</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="48"/>
        <source>Parent Directory</source>
        <translation>اوپر والا فولڈر</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="49"/>
        <source>Create New Folder</source>
        <translation>نیا فولڈر بنائیں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="50"/>
        <source>New Folder</source>
        <translation>نیا فولڈر</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="51"/>
        <source>List View</source>
        <translation>فہرست</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="52"/>
        <source>Detail View</source>
        <translation>تفصیل</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="53"/>
        <source>All Files (*)</source>
        <translation>تمام فائلیں (*)</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="54"/>
        <source>Show &amp;hidden files</source>
        <translation>چھپی فائلیں دکھائیں</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location filename="../ui/qt_strings.py" line="55"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="56"/>
        <source>Size</source>
        <translation>حجم</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="57"/>
        <source>Date Modified</source>
        <translation>تبدیلی کی تاریخ</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location filename="../ui/qt_strings.py" line="29"/>
        <source>&amp;Undo</source>
        <translation>واپس کریں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="30"/>
        <source>&amp;Redo</source>
        <translation>دوبارہ کریں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="31"/>
        <source>Cu&amp;t</source>
        <translation>کاٹیں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="32"/>
        <source>&amp;Copy</source>
        <translation>نقل کریں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="33"/>
        <source>&amp;Paste</source>
        <translation>چسپاں کریں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="34"/>
        <source>Delete</source>
        <translation>حذف کریں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="35"/>
        <source>Select All</source>
        <translation>سب منتخب کریں</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../ui/qt_strings.py" line="11"/>
        <source>OK</source>
        <translation>ٹھیک ہے</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="12"/>
        <source>Save</source>
        <translation>محفوظ کریں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="13"/>
        <source>Save All</source>
        <translation>سب محفوظ کریں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="14"/>
        <source>Open</source>
        <translation>کھولیں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="15"/>
        <source>&amp;Yes</source>
        <translation>ہاں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="16"/>
        <source>Yes to &amp;All</source>
        <translation>سب کے لیے ہاں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="17"/>
        <source>&amp;No</source>
        <translation>نہیں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="18"/>
        <source>N&amp;o to All</source>
        <translation>سب کے لیے نہیں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="19"/>
        <source>Abort</source>
        <translation>ختم کریں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="20"/>
        <source>Retry</source>
        <translation>دوبارہ کوشش کریں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="21"/>
        <source>Ignore</source>
        <translation>نظر انداز کریں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="22"/>
        <source>Close</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="23"/>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="24"/>
        <source>Discard</source>
        <translation>رد کریں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="25"/>
        <source>Help</source>
        <translation>مدد</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="26"/>
        <source>Apply</source>
        <translation>لاگو کریں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="27"/>
        <source>Reset</source>
        <translation>دوبارہ ترتیب دیں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="28"/>
        <source>Restore Defaults</source>
        <translation>طے شدہ ترتیب بحال کریں</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location filename="../ui/qt_strings.py" line="36"/>
        <source>&amp;Copy</source>
        <translation>نقل کریں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="37"/>
        <source>Copy &amp;Link Location</source>
        <translation>ربط کا پتہ نقل کریں</translation>
    </message>
    <message>
        <location filename="../ui/qt_strings.py" line="38"/>
        <source>Select All</source>
        <translation>سب منتخب کریں</translation>
    </message>
</context>
<context>
    <name>RecordingWords</name>
    <message>
        <location filename="../ui/models/recording_state.py" line="23"/>
        <source>Recording</source>
        <translation>ریکارڈنگ</translation>
    </message>
    <message>
        <location filename="../ui/models/recording_state.py" line="25"/>
        <source>Healing</source>
        <translation>درست ہو رہی ہے</translation>
    </message>
    <message>
        <location filename="../ui/models/recording_state.py" line="27"/>
        <source>Healed</source>
        <translation>درست ہو گئی</translation>
    </message>
    <message>
        <location filename="../ui/models/recording_state.py" line="29"/>
        <source>Gaps {0}</source>
        <translation>خلا {0}</translation>
    </message>
    <message>
        <location filename="../ui/models/recording_state.py" line="31"/>
        <source>Sound only</source>
        <translation>صرف آواز</translation>
    </message>
    <message>
        <location filename="../ui/models/recording_state.py" line="40"/>
        <source>gaps of {0}</source>
        <translation>{0} کے خلا</translation>
    </message>
    <message>
        <location filename="../ui/models/recording_state.py" line="42"/>
        <source>sound only {0}</source>
        <translation>صرف آواز {0}</translation>
    </message>
    <message>
        <location filename="../ui/models/recording_state.py" line="44"/>
        <source>heals from the replay when it is up</source>
        <translation>ری پلے آنے پر درست ہو گی</translation>
    </message>
    <message>
        <location filename="../ui/models/recording_state.py" line="46"/>
        <source>healing from the replay</source>
        <translation>ری پلے سے درست ہو رہی ہے</translation>
    </message>
    <message>
        <location filename="../ui/models/recording_state.py" line="48"/>
        <source>healed from the replay</source>
        <translation>ری پلے سے درست ہو گئی</translation>
    </message>
    <message>
        <location filename="../ui/models/recording_state.py" line="50"/>
        <source>the replay could not heal it</source>
        <translation>ری پلے اسے درست نہ کر سکا</translation>
    </message>
    <message>
        <location filename="../ui/models/recording_state.py" line="61"/>
        <source>{0} more</source>
        <translation>{0} مزید</translation>
    </message>
</context>
<context>
    <name>Recordings</name>
    <message>
        <location filename="../ui/recordings.py" line="93"/>
        <source>Recorded {0}</source>
        <translation>{0} ریکارڈ ہو گیا</translation>
    </message>
    <message>
        <location filename="../ui/recordings.py" line="94"/>
        <source>Recording ended</source>
        <translation>ریکارڈنگ ختم ہوئی</translation>
    </message>
    <message>
        <location filename="../ui/recordings.py" line="105"/>
        <source>Looking up the stream…</source>
        <translation>سٹریم تلاش ہو رہی ہے…</translation>
    </message>
    <message>
        <location filename="../ui/recordings.py" line="121"/>
        <source>Starts in {0}</source>
        <translation>{0} میں شروع ہو گی</translation>
    </message>
    <message>
        <location filename="../ui/recordings.py" line="123"/>
        <source>Waiting for the stream to begin</source>
        <translation>سٹریم شروع ہونے کا انتظار</translation>
    </message>
    <message>
        <location filename="../ui/recordings.py" line="126"/>
        <source>Recording</source>
        <translation>ریکارڈنگ</translation>
    </message>
    <message>
        <location filename="../ui/recordings.py" line="129"/>
        <source>Recording started</source>
        <translation>ریکارڈنگ شروع ہوئی</translation>
    </message>
    <message>
        <location filename="../ui/recordings.py" line="134"/>
        <source>: {0}, {1} gaps</source>
        <translation>: {0}، {1} خلا</translation>
    </message>
    <message>
        <location filename="../ui/recordings.py" line="136"/>
        <source> (the stream is not answering; still following it)</source>
        <translation> (سٹریم جواب نہیں دے رہی؛ اب بھی پیچھا جاری ہے)</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../ui/dialogs/rules_dialog.py" line="31"/>
        <source>Download rules for {0}</source>
        <translation>{0} کے ڈاؤن لوڈ کے اصول</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/rules_dialog.py" line="32"/>
        <source>Download new entries by themselves</source>
        <translation>نئی تحریریں خود بخود ڈاؤن لوڈ کریں</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/rules_dialog.py" line="36"/>
        <source>all</source>
        <translation>سب</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/rules_dialog.py" line="38"/>
        <source>Only entries published after</source>
        <translation>صرف اس کے بعد شائع ہونے والی</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/rules_dialog.py" line="49"/>
        <source> min</source>
        <translation> منٹ</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/rules_dialog.py" line="50"/>
        <source>no limit</source>
        <translation>کوئی حد نہیں</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/rules_dialog.py" line="53"/>
        <source>Best</source>
        <translation>بہترین</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/rules_dialog.py" line="53"/>
        <source>Audio only</source>
        <translation>صرف آڈیو</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/rules_dialog.py" line="55"/>
        <source>Up to {0}p</source>
        <translation>{0}p تک</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/rules_dialog.py" line="58"/>
        <source>language codes, e.g. ur, en</source>
        <translation>زبانوں کے کوڈ، مثلاً ur, en</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/rules_dialog.py" line="59"/>
        <source>Fetch the thumbnail</source>
        <translation>تصویرِ مختصر بھی لائیں</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/rules_dialog.py" line="64"/>
        <source>Newest entries only</source>
        <translation>صرف تازہ ترین</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/rules_dialog.py" line="66"/>
        <source>Longest</source>
        <translation>زیادہ سے زیادہ طوالت</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/rules_dialog.py" line="67"/>
        <source>Quality</source>
        <translation>معیار</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/rules_dialog.py" line="68"/>
        <source>Subtitles</source>
        <translation>ذیلی عنوانات</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../ui/models/search_results_model.py" line="33"/>
        <source>(untitled)</source>
        <translation>(بے عنوان)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="42"/>
        <source>Settings</source>
        <translation>ترتیبات</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="43"/>
        <source>no limit</source>
        <translation>کوئی حد نہیں</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="46"/>
        <location filename="../ui/dialogs/settings_dialog.py" line="53"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="49"/>
        <source>Data budget per day</source>
        <translation>روزانہ ڈیٹا بجٹ</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="56"/>
        <source>Data budget per month</source>
        <translation>ماہانہ ڈیٹا بجٹ</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="60"/>
        <source> KiB/s</source>
        <translation> KiB/s</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="61"/>
        <source>no cap</source>
        <translation>کوئی حد نہیں</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="63"/>
        <source>Bandwidth cap</source>
        <translation>بینڈوڈتھ کی حد</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="70"/>
        <source>Proxy address</source>
        <translation>پراکسی کا پتا</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="73"/>
        <source>unchanged</source>
        <translation>غیر تبدیل شدہ</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="74"/>
        <source>Proxy password</source>
        <translation>پراکسی کا پاس ورڈ</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="76"/>
        <source>Which hosts take the proxy</source>
        <translation>کون سے میزبان پراکسی سے جائیں</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="78"/>
        <source>Not used</source>
        <translation>استعمال نہیں</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="79"/>
        <source>All traffic</source>
        <translation>تمام ٹریفک</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="80"/>
        <source>Only hosts found blocked</source>
        <translation>صرف بند پائے گئے میزبان</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="90"/>
        <source>Spending the line</source>
        <translation>لائن کا استعمال</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="92"/>
        <source>Data budget per &amp;day</source>
        <translation>روزانہ ڈیٹا بجٹ</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="93"/>
        <source>Data budget per &amp;month</source>
        <translation>ماہانہ ڈیٹا بجٹ</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="94"/>
        <source>Bandwidth &amp;cap (all transfers)</source>
        <translation>بینڈوڈتھ کی حد (تمام ترسیل)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="96"/>
        <source>&amp;Language (from the next start)</source>
        <translation>زبان (اگلی بار کھولنے سے)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="97"/>
        <source>Proxy (for example a local Tor, or a friend&apos;s server)</source>
        <translation>پراکسی (مثلاً مقامی Tor، یا کسی دوست کا سرور)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="99"/>
        <source>&amp;Address</source>
        <translation>پتا</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="100"/>
        <source>&amp;Password</source>
        <translation>پاس ورڈ</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.py" line="101"/>
        <source>&amp;Use it for</source>
        <translation>کس کے لیے استعمال ہو</translation>
    </message>
</context>
<context>
    <name>ShareMenu</name>
    <message>
        <location filename="../ui/share_menu.py" line="100"/>
        <source>&amp;Export bundle…</source>
        <translation>بنڈل برآمد کریں…</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="101"/>
        <source>&amp;Import bundle…</source>
        <translation>بنڈل درآمد کریں…</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="103"/>
        <source>Share on the &amp;local network</source>
        <translation>مقامی نیٹ ورک پر شیئر کریں</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="124"/>
        <source>Export bundle to</source>
        <translation>بنڈل یہاں برآمد کریں</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="138"/>
        <source>Exporting the bundle: {0}%</source>
        <translation>بنڈل برآمد ہو رہا ہے: {0}%</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="143"/>
        <source>Exported {0} items ({1} MiB) to {2}; signed with key {3}</source>
        <translation>{0} تحریریں ({1} MiB) {2} میں برآمد ہوئیں؛ کلید {3} سے دستخط شدہ</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="152"/>
        <source>Import the bundle in</source>
        <translation>یہاں موجود بنڈل درآمد کریں</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="174"/>
        <source>Checking the bundle: {0}%</source>
        <translation>بنڈل کی جانچ: {0}%</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="180"/>
        <source>Import from a packer you have not trusted?</source>
        <translation>ایسے پیک کرنے والے سے درآمد کریں جس پر آپ نے بھروسہ نہیں کیا؟</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="183"/>
        <source>The bundle was signed by {0} with key
{1}
whom you have not trusted. Its items will be marked as from an untrusted packer. Compare the key with the packer&apos;s own, in person.</source>
        <translation>یہ بنڈل {0} نے کلید
{1}
سے دستخط کیا ہے، جس پر آپ نے بھروسہ نہیں کیا۔ اس کی چیزوں پر ناقابلِ بھروسہ پیک کرنے والے کا نشان ہوگا۔ کلید کو پیک کرنے والے کی اپنی کلید سے، آمنے سامنے، ملا لیں۔</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="188"/>
        <source>Trust and import</source>
        <translation>بھروسہ کریں اور درآمد کریں</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="189"/>
        <source>Import once</source>
        <translation>ایک بار درآمد کریں</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="197"/>
        <source>Nothing was imported</source>
        <translation>کچھ درآمد نہیں ہوا</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="214"/>
        <source>signed by {0}, whom you trust as {1}</source>
        <translation>{0} کے دستخط، جن پر آپ {1} کے طور پر بھروسا کرتے ہیں</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="218"/>
        <source>signed by {0} (key {1}), not among the packers you trust</source>
        <translation>{0} (کلید {1}) کے دستخط، جو آپ کے قابلِ بھروسا پیک کرنے والوں میں نہیں</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="223"/>
        <source>Imported {0} items and {1} media files, {2}</source>
        <translation>{0} تحریریں اور {1} میڈیا فائلیں درآمد ہوئیں، {2}</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="237"/>
        <source>The library is no longer shared on the network</source>
        <translation>کتب خانہ اب نیٹ ورک پر شیئر نہیں ہو رہا</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="246"/>
        <source>Port {0} was taken; sharing the library read-only at {1}</source>
        <translation>پورٹ {0} پہلے سے استعمال میں تھی؛ لائبریری صرف پڑھنے کے لیے {1} پر شیئر کی جا رہی ہے</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="252"/>
        <source>Sharing the library read-only at {0}</source>
        <translation>کتب خانہ صرف پڑھنے کے لیے {0} پر شیئر ہو رہا ہے</translation>
    </message>
    <message>
        <location filename="../ui/share_menu.py" line="276"/>
        <source>Tiffin</source>
        <translation>ٹفن</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="25"/>
        <location filename="../ui/shortcuts_dialog.py" line="45"/>
        <source>Keyboard shortcuts</source>
        <translation>کی بورڈ شارٹ کٹ</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="37"/>
        <source>Player: play or pause</source>
        <translation>پلیئر: چلائیں یا روکیں</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="37"/>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="38"/>
        <source>Player: back or forward 5 s (with Shift 30 s)</source>
        <translation>پلیئر: 5 سیکنڈ پیچھے یا آگے (Shift کے ساتھ 30 سیکنڈ)</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="38"/>
        <source>Left, Right</source>
        <translation>Left, Right</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="39"/>
        <source>Player: slower or faster</source>
        <translation>پلیئر: آہستہ یا تیز</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="40"/>
        <source>Player: full screen, mute, audio only, subtitles</source>
        <translation>پلیئر: پوری سکرین، خاموش، صرف آڈیو، ذیلی عنوانات</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="41"/>
        <source>Downloads: play, pause, resume, cancel</source>
        <translation>ڈاؤن لوڈ: چلائیں، روکیں، دوبارہ شروع، منسوخ</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="41"/>
        <source>Enter, P, R, Delete</source>
        <translation>Enter, P, R, Delete</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="44"/>
        <source>Action</source>
        <translation>کام</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.py" line="44"/>
        <source>Keys</source>
        <translation>کلیدیں</translation>
    </message>
</context>
<context>
    <name>SourceTreeModel</name>
    <message>
        <location filename="../ui/models/source_tree_model.py" line="39"/>
        <source>Sources</source>
        <translation>ذرائع</translation>
    </message>
    <message>
        <location filename="../ui/models/source_tree_model.py" line="122"/>
        <source>All items</source>
        <translation>تمام تحریریں</translation>
    </message>
    <message>
        <location filename="../ui/models/source_tree_model.py" line="154"/>
        <source>nothing fetched from it yet</source>
        <translation>اس سے ابھی کچھ نہیں لایا گیا</translation>
    </message>
    <message>
        <location filename="../ui/models/source_tree_model.py" line="157"/>
        <source>Line to {0}: {1} ({2})</source>
        <translation>{0} تک لائن: {1} ({2})</translation>
    </message>
    <message>
        <location filename="../ui/models/source_tree_model.py" line="162"/>
        <source>Last refresh failed: {0}</source>
        <translation>پچھلی بار تازہ کرنا ناکام رہا: {0}</translation>
    </message>
</context>
<context>
    <name>SourcesPane</name>
    <message>
        <location filename="../ui/sources_pane.py" line="59"/>
        <source>No subscriptions yet. Add a feed, a podcast or a video channel with Ctrl+N, or import OPML with Ctrl+I.</source>
        <translation>ابھی کوئی سبسکرپشن نہیں۔ فیڈ، پوڈکاسٹ یا ویڈیو چینل ⁦Ctrl+N⁩ سے شامل کریں، یا OPML ⁦Ctrl+I⁩ سے درآمد کریں۔</translation>
    </message>
    <message>
        <location filename="../ui/sources_pane.py" line="65"/>
        <source>Sources</source>
        <translation>ذرائع</translation>
    </message>
    <message>
        <location filename="../ui/sources_pane.py" line="152"/>
        <source>{0} sources; {1} failed at the last refresh (shown in red)</source>
        <translation>{0} ذرائع؛ پچھلی بار تازہ کرنے میں {1} ناکام ہوئے (سرخ میں)</translation>
    </message>
    <message>
        <location filename="../ui/sources_pane.py" line="175"/>
        <source>Full articles</source>
        <translation>مکمل مضامین</translation>
    </message>
    <message>
        <location filename="../ui/sources_pane.py" line="176"/>
        <source>Summaries only</source>
        <translation>صرف خلاصے</translation>
    </message>
    <message>
        <location filename="../ui/sources_pane.py" line="177"/>
        <source>Automatic (full articles, not for podcasts)</source>
        <translation>خودکار (مکمل مضامین، پوڈکاسٹ کے لیے نہیں)</translation>
    </message>
    <message>
        <location filename="../ui/sources_pane.py" line="193"/>
        <source>Download rules…</source>
        <translation>ڈاؤن لوڈ کے اصول…</translation>
    </message>
    <message>
        <location filename="../ui/sources_pane.py" line="197"/>
        <source>Pack for event</source>
        <translation>تقریب کے لیے تیار کریں</translation>
    </message>
    <message>
        <location filename="../ui/sources_pane.py" line="203"/>
        <source>&amp;Unsubscribe…</source>
        <translation>سبسکرپشن ختم کریں…</translation>
    </message>
    <message>
        <location filename="../ui/sources_pane.py" line="213"/>
        <source>Unsubscribe</source>
        <translation>سبسکرپشن ختم کریں</translation>
    </message>
    <message>
        <location filename="../ui/sources_pane.py" line="215"/>
        <source>Unsubscribe from {0}? Its {1} stored items go too; downloaded videos stay in the downloads.</source>
        <translation>{0} کی سبسکرپشن ختم کریں؟ اس کی {1} محفوظ تحریریں بھی چلی جائیں گی؛ ڈاؤن لوڈ کی گئی ویڈیوز ڈاؤن لوڈز میں رہیں گی۔</translation>
    </message>
    <message>
        <location filename="../ui/sources_pane.py" line="223"/>
        <source>Unsubscribed from {0}</source>
        <translation>{0} کی سبسکرپشن ختم ہو گئی</translation>
    </message>
    <message>
        <location filename="../ui/sources_pane.py" line="246"/>
        <source>{0} downloads queued</source>
        <translation>{0} ڈاؤن لوڈ قطار میں شامل</translation>
    </message>
</context>
<context>
    <name>Subscriptions</name>
    <message>
        <location filename="../ui/subscriptions.py" line="53"/>
        <source>Refresh progress</source>
        <translation>تازہ کاری کی پیش رفت</translation>
    </message>
    <message>
        <location filename="../ui/subscriptions.py" line="82"/>
        <source>Import subscriptions?</source>
        <translation>سبسکرپشنز درآمد کریں؟</translation>
    </message>
    <message>
        <location filename="../ui/subscriptions.py" line="85"/>
        <source>Import the subscriptions listed in {0}?</source>
        <translation>{0} میں درج سبسکرپشنز درآمد کریں؟</translation>
    </message>
    <message>
        <location filename="../ui/subscriptions.py" line="96"/>
        <source>Kept {0}; its host does not answer now</source>
        <translation>{0} محفوظ کر لیا گیا؛ اس کا میزبان ابھی جواب نہیں دیتا</translation>
    </message>
    <message>
        <location filename="../ui/subscriptions.py" line="100"/>
        <source>Subscribed to {0}: {1} items</source>
        <translation>{0} سبسکرائب ہو گیا: {1} تحریریں</translation>
    </message>
    <message>
        <location filename="../ui/subscriptions.py" line="104"/>
        <source>Already subscribed to {0}</source>
        <translation>{0} پہلے سے سبسکرائب ہے</translation>
    </message>
    <message>
        <location filename="../ui/subscriptions.py" line="116"/>
        <source>Refreshing…</source>
        <translation>تازہ ہو رہا ہے…</translation>
    </message>
    <message>
        <location filename="../ui/subscriptions.py" line="123"/>
        <source>Packing full articles…</source>
        <translation>مکمل مضامین محفوظ ہو رہے ہیں…</translation>
    </message>
    <message>
        <location filename="../ui/subscriptions.py" line="150"/>
        <source>{0} new items from {1} sources</source>
        <translation>{1} ذرائع سے {0} نئی تحریریں</translation>
    </message>
    <message>
        <location filename="../ui/subscriptions.py" line="154"/>
        <source>{0} failed (shown in red)</source>
        <translation>{0} ناکام (سرخ میں)</translation>
    </message>
    <message>
        <location filename="../ui/subscriptions.py" line="156"/>
        <source>{0} full articles packed</source>
        <translation>{0} مکمل مضامین محفوظ ہوئے</translation>
    </message>
    <message>
        <location filename="../ui/subscriptions.py" line="159"/>
        <source>{0} downloads queued</source>
        <translation>{0} ڈاؤن لوڈ قطار میں شامل</translation>
    </message>
    <message>
        <location filename="../ui/subscriptions.py" line="176"/>
        <source>Import OPML</source>
        <translation>OPML درآمد کریں</translation>
    </message>
    <message>
        <location filename="../ui/subscriptions.py" line="178"/>
        <source>OPML files (*.opml *.xml);;All files (*)</source>
        <translation>OPML فائلیں (*.opml *.xml);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <location filename="../ui/subscriptions.py" line="196"/>
        <source>Imported {0} subscriptions</source>
        <translation>{0} سبسکرپشنز درآمد ہوئیں</translation>
    </message>
    <message>
        <location filename="../ui/subscriptions.py" line="205"/>
        <source>Export OPML</source>
        <translation>OPML برآمد کریں</translation>
    </message>
    <message>
        <location filename="../ui/subscriptions.py" line="205"/>
        <source>OPML files (*.opml)</source>
        <translation>OPML فائلیں (*.opml)</translation>
    </message>
    <message>
        <location filename="../ui/subscriptions.py" line="221"/>
        <source>Exported {0} subscriptions to {1}</source>
        <translation>{0} سبسکرپشنز {1} میں برآمد ہوئیں</translation>
    </message>
</context>
<context>
    <name>SwarmActions</name>
    <message>
        <location filename="../ui/swarm_menu.py" line="84"/>
        <source>&amp;Seed a bundle in the swarm…</source>
        <translation>سوارم میں بنڈل &amp;بانٹیں…</translation>
    </message>
    <message>
        <location filename="../ui/swarm_menu.py" line="85"/>
        <source>&amp;Get a bundle from the swarm…</source>
        <translation>سوارم سے بنڈل &amp;حاصل کریں…</translation>
    </message>
    <message>
        <location filename="../ui/swarm_menu.py" line="96"/>
        <source>Seed the bundle in</source>
        <translation>اس میں موجود بنڈل بانٹیں</translation>
    </message>
    <message>
        <location filename="../ui/swarm_menu.py" line="146"/>
        <source>bundle</source>
        <translation>بنڈل</translation>
    </message>
    <message>
        <location filename="../ui/swarm_menu.py" line="157"/>
        <source>Fetched {0} from the swarm; checking it</source>
        <translation>سوارم سے {0} آ گیا؛ جانچ ہو رہی ہے</translation>
    </message>
    <message>
        <location filename="../ui/swarm_menu.py" line="169"/>
        <location filename="../ui/swarm_menu.py" line="176"/>
        <source>stopped</source>
        <translation>رک گیا</translation>
    </message>
</context>
<context>
    <name>SwarmModel</name>
    <message>
        <location filename="../ui/models/swarm_model.py" line="39"/>
        <source>Bundle</source>
        <translation>بنڈل</translation>
    </message>
    <message>
        <location filename="../ui/models/swarm_model.py" line="40"/>
        <source>State</source>
        <translation>حالت</translation>
    </message>
    <message>
        <location filename="../ui/models/swarm_model.py" line="41"/>
        <source>Progress</source>
        <translation>پیش رفت</translation>
    </message>
    <message>
        <location filename="../ui/models/swarm_model.py" line="42"/>
        <source>Peers</source>
        <translation>ساتھی</translation>
    </message>
    <message>
        <location filename="../ui/models/swarm_model.py" line="43"/>
        <source>Down / up</source>
        <translation>آمد / روانگی</translation>
    </message>
    <message>
        <location filename="../ui/models/swarm_model.py" line="46"/>
        <source>Finding peers</source>
        <translation>ساتھی ڈھونڈے جا رہے ہیں</translation>
    </message>
    <message>
        <location filename="../ui/models/swarm_model.py" line="47"/>
        <source>Fetching</source>
        <translation>آ رہا ہے</translation>
    </message>
    <message>
        <location filename="../ui/models/swarm_model.py" line="48"/>
        <source>Checking what is here</source>
        <translation>جو یہاں ہے اس کی جانچ</translation>
    </message>
    <message>
        <location filename="../ui/models/swarm_model.py" line="49"/>
        <source>Seeding</source>
        <translation>بانٹا جا رہا ہے</translation>
    </message>
    <message>
        <location filename="../ui/models/swarm_model.py" line="95"/>
        <source>Stopped: {0}</source>
        <translation>رک گیا: {0}</translation>
    </message>
    <message>
        <location filename="../ui/models/swarm_model.py" line="96"/>
        <source>Starting</source>
        <translation>شروع ہو رہا ہے</translation>
    </message>
</context>
<context>
    <name>SwarmTable</name>
    <message>
        <location filename="../ui/swarm_table.py" line="23"/>
        <source>Bundles in the swarm</source>
        <translation>سوارم میں بنڈل</translation>
    </message>
    <message>
        <location filename="../ui/swarm_table.py" line="74"/>
        <source>Clear from the list</source>
        <translation>فہرست سے ہٹائیں</translation>
    </message>
    <message>
        <location filename="../ui/swarm_table.py" line="76"/>
        <source>Stop (Delete)</source>
        <translation>روکیں (Delete)</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../ui/tray.py" line="23"/>
        <source>Show Tiffin</source>
        <translation>ٹفن دکھائیں</translation>
    </message>
    <message>
        <location filename="../ui/tray.py" line="25"/>
        <source>Quit</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <location filename="../ui/tray.py" line="45"/>
        <source>{0} downloading</source>
        <translation>{0} ڈاؤن لوڈ ہو رہے ہیں</translation>
    </message>
    <message>
        <location filename="../ui/tray.py" line="46"/>
        <source>{0} queued</source>
        <translation>{0} قطار میں</translation>
    </message>
    <message>
        <location filename="../ui/tray.py" line="49"/>
        <source>{0} recording</source>
        <translation>{0} ریکارڈ ہو رہے ہیں</translation>
    </message>
</context>
<context>
    <name>WatchModel</name>
    <message>
        <location filename="../ui/models/watch_model.py" line="77"/>
        <source>{0}, {1}% watched</source>
        <translation>{0}، {1}% دیکھا گیا</translation>
    </message>
</context>
<context>
    <name>WatchView</name>
    <message>
        <location filename="../ui/watch_view.py" line="62"/>
        <source>Videos and recordings to watch</source>
        <translation>دیکھنے کے لیے ویڈیوز اور ریکارڈنگز</translation>
    </message>
    <message>
        <location filename="../ui/watch_view.py" line="66"/>
        <source>Nothing to watch yet. Finished downloads and recordings show here: download a video (Ctrl+Shift+D, or D on an item) while the line is good.</source>
        <translation>ابھی دیکھنے کو کچھ نہیں۔ مکمل ڈاؤن لوڈز اور ریکارڈنگز یہاں دکھائی دیں گی: لائن ٹھیک ہو تو ویڈیو ڈاؤن لوڈ کریں (⁦Ctrl+Shift+D⁩، یا کسی تحریر پر D)۔</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.py" line="47"/>
        <source>Welcome to Tiffin</source>
        <translation>ٹفن میں خوش آمدید</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.py" line="50"/>
        <source>Tiffin packs the news and the video while the line is good, so that you can read and watch when it is slow or cut. A few choices to begin; each can be changed later.</source>
        <translation>جب انٹرنیٹ ٹھیک چل رہا ہو، ٹفن خبریں اور ویڈیو پہلے سے سمیٹ لیتا ہے، تاکہ رفتار کم ہو یا رابطہ کٹ جائے تب بھی آپ پڑھ اور دیکھ سکیں۔ شروع کرنے کے لیے چند انتخاب؛ ہر ایک بعد میں بدلا جا سکتا ہے۔</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.py" line="60"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.py" line="63"/>
        <source>Library folder</source>
        <translation>لائبریری کا فولڈر</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.py" line="65"/>
        <source>&amp;Choose…</source>
        <translation>منتخب کریں…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.py" line="66"/>
        <source>Choose the library folder</source>
        <translation>لائبریری کا فولڈر منتخب کریں</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.py" line="72"/>
        <source>Where the library lives (a folder on a USB stick works too)</source>
        <translation>لائبریری کہاں رہے (USB اسٹک پر فولڈر بھی چلے گا)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.py" line="76"/>
        <source>Starter subscriptions</source>
        <translation>ابتدائی سبسکرپشنز</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.py" line="85"/>
        <source>Starter subscriptions (untick what you do not want)</source>
        <translation>ابتدائی سبسکرپشنز (جو نہیں چاہییں ان کا نشان ہٹا دیں)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.py" line="91"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.py" line="92"/>
        <source>no limit</source>
        <translation>کوئی حد نہیں</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.py" line="94"/>
        <source>Data budget per day</source>
        <translation>روزانہ ڈیٹا بجٹ</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.py" line="96"/>
        <source>When and how much to download</source>
        <translation>کب اور کتنا ڈاؤن لوڈ کریں</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.py" line="99"/>
        <source>Data budget per &amp;day</source>
        <translation>روزانہ ڈیٹا بجٹ</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.py" line="106"/>
        <source>&amp;Start</source>
        <translation>شروع کریں</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.py" line="108"/>
        <source>S&amp;kip</source>
        <translation>چھوڑ دیں</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.py" line="128"/>
        <source>Folder for the library</source>
        <translation>لائبریری کے لیے فولڈر</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.py" line="138"/>
        <source>Give the folder&apos;s whole path, from the top.</source>
        <translation>فولڈر کا پورا راستہ، شروع سے، لکھیں۔</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.py" line="140"/>
        <source>That is a file, not a folder.</source>
        <translation>یہ فائل ہے، فولڈر نہیں۔</translation>
    </message>
</context>
<context>
    <name>When</name>
    <message>
        <location filename="../ui/when.py" line="52"/>
        <source>begun</source>
        <translation>شروع ہو چکی</translation>
    </message>
    <message>
        <location filename="../ui/when.py" line="56"/>
        <source>{0} d {1} h</source>
        <translation>{0} دن {1} گھنٹے</translation>
    </message>
    <message>
        <location filename="../ui/when.py" line="58"/>
        <source>{0} h {1} min</source>
        <translation>{0} گھنٹے {1} منٹ</translation>
    </message>
    <message>
        <location filename="../ui/when.py" line="59"/>
        <source>{0} min {1} s</source>
        <translation>{0} منٹ {1} سیکنڈ</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../ui/window_menus.py" line="45"/>
        <source>&amp;Add subscription…</source>
        <translation>سبسکرپشن شامل کریں…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="48"/>
        <source>&amp;Refresh all</source>
        <translation>سب تازہ کریں</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="50"/>
        <source>&amp;Import OPML…</source>
        <translation>OPML درآمد کریں…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="51"/>
        <source>&amp;Export OPML…</source>
        <translation>OPML برآمد کریں…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="52"/>
        <source>&amp;Quit</source>
        <translation>بند کریں</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="53"/>
        <source>&amp;Settings…</source>
        <translation>ترتیبات…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="54"/>
        <source>Toggle &amp;read</source>
        <translation>پڑھا / ان پڑھا</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="55"/>
        <source>Mark &amp;all read</source>
        <translation>سب پڑھا ہوا کریں</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="56"/>
        <source>&amp;Undo</source>
        <translation>واپس کریں</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="58"/>
        <source>&amp;Redo</source>
        <translation>دوبارہ کریں</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="62"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>کی بورڈ شارٹ کٹ</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="65"/>
        <source>&amp;Next item</source>
        <translation>اگلی تحریر</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="66"/>
        <source>&amp;Previous item</source>
        <translation>پچھلی تحریر</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="68"/>
        <source>&amp;Search</source>
        <translation>تلاش</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="73"/>
        <source>Show a&amp;ll items</source>
        <translation>تمام تحریریں دکھائیں</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="74"/>
        <source>Show &amp;unread only</source>
        <translation>صرف ان پڑھی دکھائیں</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="75"/>
        <source>Show ready &amp;offline only</source>
        <translation>صرف آف لائن تیار دکھائیں</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="81"/>
        <source>&amp;Larger text</source>
        <translation>بڑا متن</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="87"/>
        <source>&amp;Smaller text</source>
        <translation>چھوٹا متن</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="91"/>
        <source>&amp;Normal text size</source>
        <translation>متن کا عام سائز</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="93"/>
        <source>&amp;Reader</source>
        <translation>قاری</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="94"/>
        <source>&amp;Events</source>
        <translation>تقریبات</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="95"/>
        <source>&amp;Watch</source>
        <translation>دیکھیں</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="96"/>
        <source>&amp;Player</source>
        <translation>پلیئر</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="97"/>
        <source>&amp;Downloads</source>
        <translation>ڈاؤن لوڈ</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="98"/>
        <source>&amp;Line state</source>
        <translation>لائن کی حالت</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="105"/>
        <source>Download video or audio…</source>
        <translation>ویڈیو یا آڈیو ڈاؤن لوڈ کریں…</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="111"/>
        <source>Download this item&apos;s video or audio</source>
        <translation>اس تحریر کی ویڈیو یا آڈیو ڈاؤن لوڈ کریں</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="115"/>
        <source>&amp;File</source>
        <translation>فائل</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="121"/>
        <source>&amp;Edit</source>
        <translation>ترمیم</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="123"/>
        <source>&amp;Items</source>
        <translation>تحریریں</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="136"/>
        <source>&amp;View</source>
        <translation>منظر</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="140"/>
        <source>&amp;Media</source>
        <translation>میڈیا</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="160"/>
        <source>&amp;Share</source>
        <translation>شیئر</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="167"/>
        <source>&amp;Help</source>
        <translation>مدد</translation>
    </message>
    <message>
        <location filename="../ui/window_menus.py" line="169"/>
        <source>Main</source>
        <translation>مرکزی</translation>
    </message>
</context>
</TS>
