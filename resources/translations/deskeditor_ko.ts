<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ArticleEditor</name>
    <message>
        <source>Headline</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Subhead</source>
        <translation>부제</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>바이라인</translation>
    </message>
    <message>
        <source>&amp;Section</source>
        <translation>섹션(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Headline</source>
        <translation>제목(&amp;H)</translation>
    </message>
    <message>
        <source>S&amp;ubhead</source>
        <translation>부제(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Byline</source>
        <translation>바이라인(&amp;B)</translation>
    </message>
    <message>
        <source>{chars:,} characters, {no_spaces:,} without spaces, {words:,} words</source>
        <translation>{chars:,}자, 공백 제외 {no_spaces:,}자, {words:,}어절</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>섹션</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>수정</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>길이</translation>
    </message>
</context>
<context>
    <name>BodyEdit</name>
    <message>
        <source>&amp;Bold</source>
        <translation>굵게(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>기울임(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Strikethrough</source>
        <translation>취소선(&amp;S)</translation>
    </message>
    <message>
        <source>Heading &amp;2</source>
        <translation>소제목 &amp;2</translation>
    </message>
    <message>
        <source>Heading &amp;3</source>
        <translation>소제목 &amp;3</translation>
    </message>
    <message>
        <source>&amp;Normal Paragraph</source>
        <translation>본문 문단(&amp;N)</translation>
    </message>
    <message>
        <source>B&amp;ulleted List</source>
        <translation>글머리 기호 목록(&amp;U)</translation>
    </message>
    <message>
        <source>N&amp;umbered List</source>
        <translation>번호 목록(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Decrease List Level</source>
        <translation>목록 수준 내리기(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Increase List Level</source>
        <translation>목록 수준 올리기(&amp;I)</translation>
    </message>
    <message>
        <source>Block &amp;Quote</source>
        <translation>인용문(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Link…</source>
        <translation>링크(&amp;L)…</translation>
    </message>
    <message>
        <source>Horizontal &amp;Rule</source>
        <translation>구분선(&amp;R)</translation>
    </message>
    <message>
        <source>Paste as &amp;Plain Text</source>
        <translation>서식 없이 붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Markdown Source</source>
        <translation>마크다운 원문(&amp;M)</translation>
    </message>
    <message>
        <source>Cannot insert the image</source>
        <translation>사진을 넣을 수 없습니다</translation>
    </message>
</context>
<context>
    <name>DateRangeDialog</name>
    <message>
        <source>Changed between</source>
        <translation>수정 기간</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>시작(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>끝(&amp;U)</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <source>No differences: this is the current text.</source>
        <translation>차이 없음: 현재 원고와 같습니다.</translation>
    </message>
</context>
<context>
    <name>EditorStatusBar</name>
    <message>
        <source>Short by {n}</source>
        <translation>{n}자 부족</translation>
    </message>
    <message>
        <source>Fits ({n:+})</source>
        <translation>맞음 ({n:+})</translation>
    </message>
    <message>
        <source>Over by {n}</source>
        <translation>{n}자 초과</translation>
    </message>
    <message>
        <source>Body {chars:,} of {target:,} characters asked for</source>
        <translation>본문 {chars:,}자 / 요청 {target:,}자</translation>
    </message>
    <message>
        <source>{chars:,} characters ({no_spaces:,} without spaces)</source>
        <translation>{chars:,}자 (공백 제외 {no_spaces:,}자)</translation>
    </message>
    <message>
        <source>Selection: {chars:,} characters ({no_spaces:,} without spaces)</source>
        <translation>선택: {chars:,}자 (공백 제외 {no_spaces:,}자)</translation>
    </message>
    <message>
        <source>{paragraphs:,} paragraphs</source>
        <translation>{paragraphs:,}문단</translation>
    </message>
    <message>
        <source>{words:,} words</source>
        <translation>{words:,}어절</translation>
    </message>
    <message>
        <source>Words separated by spaces (어절 in Korean)</source>
        <translation>띄어쓰기 단위 (어절)</translation>
    </message>
    <message>
        <source>{pages:.1f} manuscript pages</source>
        <translation>원고지 {pages:.1f}매</translation>
    </message>
    <message>
        <source>원고지 매수: characters with spaces ÷ {size}, rounded up</source>
        <translation>원고지 매수: 공백 포함 글자 수 ÷ {size}, 올림</translation>
    </message>
    <message>
        <source>{minutes:.1f} min read</source>
        <translation>읽는 데 {minutes:.1f}분</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>{time} 저장됨</translation>
    </message>
    <message>
        <source>Not saved: {message}</source>
        <translation>저장 안 됨: {message}</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>&lt;h2&gt;No articles yet&lt;/h2&gt;&lt;p&gt;Press &lt;b&gt;{shortcut}&lt;/b&gt; or use &lt;i&gt;File → New Article&lt;/i&gt; to write your first story.&lt;/p&gt;&lt;p&gt;Everything you type is saved automatically.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;아직 기사가 없습니다&lt;/h2&gt;&lt;p&gt;&lt;b&gt;{shortcut}&lt;/b&gt;를 누르거나 &lt;i&gt;파일 → 새 기사&lt;/i&gt;로 첫 기사를 쓰세요.&lt;/p&gt;&lt;p&gt;입력하는 모든 내용은 자동으로 저장됩니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>New Article</source>
        <translation>새 기사</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Section</source>
        <translation>섹션</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>수정</translation>
    </message>
    <message>
        <source>All sections</source>
        <translation>모든 섹션</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>모든 태그</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>전체 기간</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>최근 30일</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>직접 지정…</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Save Version</source>
        <translation>버전 저장</translation>
    </message>
    <message>
        <source>Label for this version (e.g. “to the desk”):</source>
        <translation>이 버전의 이름 (예: “데스크 전달”):</translation>
    </message>
    <message>
        <source>History</source>
        <translation>버전 기록</translation>
    </message>
    <message>
        <source>&amp;Restore This Version…</source>
        <translation>이 버전으로 복원(&amp;R)…</translation>
    </message>
    <message>
        <source>Make this version current; the text it replaces is kept as a revision</source>
        <translation>이 버전을 현재 원고로 만듭니다. 바뀌는 원고는 버전으로 남습니다</translation>
    </message>
    <message>
        <source>Cannot read the history</source>
        <translation>버전 기록을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>This article has no earlier versions yet.</source>
        <translation>이 기사에는 아직 이전 버전이 없습니다.</translation>
    </message>
    <message>
        <source>Cannot read the revision</source>
        <translation>버전을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>Restore the version of {time}? The current text is kept in the history.</source>
        <translation>{time} 버전으로 복원할까요? 현재 원고는 버전 기록에 남습니다.</translation>
    </message>
    <message>
        <source>Restore version</source>
        <translation>버전 복원</translation>
    </message>
    <message>
        <source>Cannot restore the version</source>
        <translation>버전을 복원할 수 없습니다</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Subhead</source>
        <translation>부제</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>바이라인</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>섹션</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>슬러그</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Target length</source>
        <translation>목표 분량</translation>
    </message>
    <message>
        <source>Editor&apos;s note</source>
        <translation>데스크 메모</translation>
    </message>
    <message>
        <source>Lead photo</source>
        <translation>대표 사진</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>본문</translation>
    </message>
</context>
<context>
    <name>ImageDialog</name>
    <message>
        <source>Photo Details</source>
        <translation>사진 정보</translation>
    </message>
    <message>
        <source>{width} × {height} pixels, {kb:,} kB</source>
        <translation>{width} × {height} 픽셀, {kb:,} kB</translation>
    </message>
    <message>
        <source>What the photo shows, for readers who cannot see it</source>
        <translation>사진을 볼 수 없는 독자를 위해 사진 내용을 적습니다</translation>
    </message>
    <message>
        <source>Shown under the photo</source>
        <translation>사진 아래에 표시</translation>
    </message>
    <message>
        <source>&amp;Lead photo (top of the page, shared previews)</source>
        <translation>대표 사진(&amp;L) (페이지 맨 위, 공유 미리보기)</translation>
    </message>
    <message>
        <source>&amp;Alt text:</source>
        <translation>대체 텍스트(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Caption:</source>
        <translation>사진 설명(&amp;C):</translation>
    </message>
    <message>
        <source>C&amp;redit:</source>
        <translation>출처(&amp;R):</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Edit Link</source>
        <translation>링크 편집</translation>
    </message>
    <message>
        <source>Insert Link</source>
        <translation>링크 넣기</translation>
    </message>
    <message>
        <source>Optional, shown on hover</source>
        <translation>선택 사항, 마우스를 올리면 표시</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>텍스트(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>주소(&amp;A):</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>제목(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Remove Link</source>
        <translation>링크 제거(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ListController</name>
    <message>
        <source>There is no article with id {id}.</source>
        <translation>ID {id}인 기사가 없습니다.</translation>
    </message>
</context>
<context>
    <name>ListPane</name>
    <message>
        <source>Search headlines, text and tags</source>
        <translation>제목, 본문, 태그 검색</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>{count} hits</source>
        <translation>검색 결과 {count}건</translation>
    </message>
    <message>
        <source>{count} in the Trash</source>
        <translation>휴지통 {count}건</translation>
    </message>
    <message>
        <source>{count} articles</source>
        <translation>기사 {count}건</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>Article deleted.</source>
        <translation>기사를 삭제했습니다.</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>{path}(으)로 내보냈습니다</translation>
    </message>
    <message>
        <source>deskeditor</source>
        <translation>deskeditor</translation>
    </message>
    <message>
        <source>About deskeditor</source>
        <translation>deskeditor 정보</translation>
    </message>
    <message>
        <source>&lt;b&gt;deskeditor {version}&lt;/b&gt;&lt;p&gt;A desktop newsroom editor.&lt;/p&gt;</source>
        <translation>&lt;b&gt;deskeditor {version}&lt;/b&gt;&lt;p&gt;데스크톱 기사 편집기.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>저장 안 됨</translation>
    </message>
    <message>
        <source>{message}

Your text stays in the editor; saving is retried.</source>
        <translation>{message}

원고는 편집기에 그대로 있으며, 저장을 다시 시도합니다.</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>휴지통</translation>
    </message>
    <message>
        <source>The last changes could not be saved. Close again to quit without them.</source>
        <translation>마지막 변경을 저장하지 못했습니다. 다시 닫으면 저장하지 않고 끝냅니다.</translation>
    </message>
</context>
<context>
    <name>MetadataPanel</name>
    <message>
        <source>Draft</source>
        <translation>초고</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>데스킹</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>출고 대기</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>출고</translation>
    </message>
    <message>
        <source>Article &amp;Details</source>
        <translation>기사 정보(&amp;D)</translation>
    </message>
    <message>
        <source>Show or hide status, tags, slug and notes</source>
        <translation>상태, 태그, 슬러그, 메모 보이기/숨기기</translation>
    </message>
    <message>
        <source>Draft → Desk → Ready → Published; changes are logged</source>
        <translation>초고 → 데스킹 → 출고 대기 → 출고. 변경은 기록됩니다</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>목표 없음</translation>
    </message>
    <message>
        <source> chars</source>
        <translation> 자</translation>
    </message>
    <message>
        <source>Length the desk asked for, in characters with spaces</source>
        <translation>데스크가 요청한 길이(공백 포함 글자 수)</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>태그 (쉼표로 구분)</translation>
    </message>
    <message>
        <source>The page&apos;s URL name; empty follows the headline</source>
        <translation>페이지 URL 이름. 비워 두면 제목을 따릅니다</translation>
    </message>
    <message>
        <source>Summary (the page&apos;s meta description)</source>
        <translation>요약 (페이지 설명문)</translation>
    </message>
    <message>
        <source>Editor&apos;s note: internal, for the desk; never exported</source>
        <translation>데스크 메모: 내부용이며 내보내지 않습니다</translation>
    </message>
    <message>
        <source>Sta&amp;tus</source>
        <translation>상태(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>Ta&amp;rget</source>
        <translation>목표 분량(&amp;R)</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>태그(&amp;A)</translation>
    </message>
    <message>
        <source>Slu&amp;g</source>
        <translation>슬러그(&amp;G)</translation>
    </message>
    <message>
        <source>Su&amp;mmary</source>
        <translation>요약(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>메모(&amp;N)</translation>
    </message>
    <message>
        <source>made from the headline</source>
        <translation>제목에서 만듦</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>작성</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>수정</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>환경설정</translation>
    </message>
    <message>
        <source>{chars} characters</source>
        <translation>{chars}자</translation>
    </message>
    <message>
        <source>Format as I type Markdown (# heading, **bold**, - list)</source>
        <translation>마크다운 입력 시 바로 서식 적용 (# 제목, **굵게**, - 목록)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>시스템 설정</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>일반(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Sections</source>
        <translation>섹션(&amp;S)</translation>
    </message>
    <message>
        <source>Reporter &amp;name</source>
        <translation>기자 이름(&amp;N)</translation>
    </message>
    <message>
        <source>Reporter &amp;e-mail</source>
        <translation>기자 이메일(&amp;E)</translation>
    </message>
    <message>
        <source>New articles&apos; byline</source>
        <translation>새 기사의 바이라인</translation>
    </message>
    <message>
        <source>Manuscript &amp;page (원고지)</source>
        <translation>원고지 매수 기준(&amp;P)</translation>
    </message>
    <message>
        <source>Interface &amp;language</source>
        <translation>화면 언어(&amp;L)</translation>
    </message>
    <message>
        <source>The interface language changes at the next start.</source>
        <translation>화면 언어는 다음 실행 때 바뀝니다.</translation>
    </message>
    <message>
        <source>Cannot read the sections</source>
        <translation>섹션을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(비어 있음)</translation>
    </message>
    <message>
        <source>Cannot save the sections</source>
        <translation>섹션을 저장할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Delete article</source>
        <translation>기사 삭제</translation>
    </message>
    <message>
        <source>Delete “{headline}”? It can be restored later.</source>
        <translation>“{headline}” 기사를 삭제할까요? 나중에 복원할 수 있습니다.</translation>
    </message>
    <message>
        <source>Export HTML</source>
        <translation>HTML로 내보내기</translation>
    </message>
    <message>
        <source>HTML pages (*.html)</source>
        <translation>HTML 페이지 (*.html)</translation>
    </message>
    <message>
        <source>Photos without alt text</source>
        <translation>대체 텍스트 없는 사진</translation>
    </message>
    <message>
        <source>{count} photo(s) have no alt text: readers who cannot see them get no words.</source>
        <translation>사진 {count}장에 대체 텍스트가 없습니다. 사진을 볼 수 없는 독자에게는 아무 설명도 전달되지 않습니다.</translation>
    </message>
    <message>
        <source>Add Alt Text…</source>
        <translation>대체 텍스트 추가…</translation>
    </message>
    <message>
        <source>Export Anyway</source>
        <translation>그래도 내보내기</translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>휴지통 비우기</translation>
    </message>
    <message>
        <source>Remove the {count} article(s) in the Trash for good? This cannot be undone.</source>
        <translation>휴지통의 기사 {count}건을 완전히 지울까요? 되돌릴 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>RevisionListModel</name>
    <message>
        <source>Automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>Saved version</source>
        <translation>저장한 버전</translation>
    </message>
    <message>
        <source>Before status change</source>
        <translation>상태 변경 전</translation>
    </message>
    <message>
        <source>Before restore</source>
        <translation>복원 전</translation>
    </message>
    <message>
        <source>Length of the body text as stored, in characters</source>
        <translation>저장된 본문 길이(자)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>길이</translation>
    </message>
</context>
<context>
    <name>SectionsEditor</name>
    <message>
        <source>&amp;Add</source>
        <translation>추가(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>삭제(&amp;R)</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>위로(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>아래로(&amp;D)</translation>
    </message>
    <message>
        <source>New section</source>
        <translation>새 섹션</translation>
    </message>
</context>
<context>
    <name>StatusBadge</name>
    <message>
        <source>Draft</source>
        <translation>초고</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>데스킹</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>출고 대기</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>출고</translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <source>Restore</source>
        <translation>복원</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>Deleted {when}. Deleted articles are read-only: restore this one to edit it.</source>
        <translation>{when}에 삭제됨. 삭제된 기사는 읽기 전용입니다. 편집하려면 복원하세요.</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>휴지통</translation>
    </message>
    <message>
        <source>Choose a deleted article to read it; restore it to edit it.</source>
        <translation>삭제된 기사를 고르면 읽을 수 있고, 복원하면 편집할 수 있습니다.</translation>
    </message>
    <message>
        <source>The Trash is empty.</source>
        <translation>휴지통이 비어 있습니다.</translation>
    </message>
    <message>
        <source>“{headline}” is back in the article list.</source>
        <translation>“{headline}” 기사가 기사 목록으로 돌아왔습니다.</translation>
    </message>
    <message>
        <source>{count} article(s) removed for good.</source>
        <translation>기사 {count}건을 완전히 지웠습니다.</translation>
    </message>
</context>
<context>
    <name>WindowExtras</name>
    <message>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>Save &amp;Version…</source>
        <translation>버전 저장(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>버전 기록(&amp;H)…</translation>
    </message>
    <message>
        <source>Copy as &amp;HTML</source>
        <translation>HTML로 복사(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>환경설정(&amp;P)…</translation>
    </message>
    <message>
        <source>Version “{label}” saved</source>
        <translation>“{label}” 버전을 저장했습니다</translation>
    </message>
    <message>
        <source>Article copied as HTML and as text</source>
        <translation>기사를 HTML과 텍스트로 복사했습니다</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>기사 가져오기</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>가져오는 중…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>{name} 가져오는 중…</translation>
    </message>
    <message>
        <source>Imported {count} article(s)</source>
        <translation>기사 {count}건을 가져왔습니다</translation>
    </message>
    <message>
        <source>; {count} file(s) could not be imported</source>
        <translation>; 파일 {count}개를 가져오지 못했습니다</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
</context>
<context>
    <name>WindowPhotos</name>
    <message>
        <source>&amp;Image…</source>
        <translation>사진(&amp;I)…</translation>
    </message>
    <message>
        <source>Insert a photo ({keys})</source>
        <translation>사진 넣기 ({keys})</translation>
    </message>
    <message>
        <source>Photo &amp;Details…</source>
        <translation>사진 정보(&amp;D)…</translation>
    </message>
    <message>
        <source>Alt text, caption, credit and lead photo</source>
        <translation>대체 텍스트, 사진 설명, 출처, 대표 사진</translation>
    </message>
    <message>
        <source>Insert Image</source>
        <translation>사진 넣기</translation>
    </message>
    <message>
        <source>This photo is not in the store; it cannot be described.</source>
        <translation>저장소에 없는 사진이라 설명을 넣을 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>&amp;New Article</source>
        <translation>새 기사(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new article</source>
        <translation>새 기사 쓰기</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save now (autosave runs anyway)</source>
        <translation>지금 저장 (자동 저장은 계속됩니다)</translation>
    </message>
    <message>
        <source>&amp;Export HTML…</source>
        <translation>HTML로 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete Article…</source>
        <translation>기사 삭제(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>잘라내기(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>모두 선택(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>미리보기(&amp;P)</translation>
    </message>
    <message>
        <source>Go to Article &amp;List</source>
        <translation>기사 목록으로 이동(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Find Articles…</source>
        <translation>기사 찾기(&amp;F)…</translation>
    </message>
    <message>
        <source>Search the articles</source>
        <translation>기사 검색</translation>
    </message>
    <message>
        <source>&amp;Trash</source>
        <translation>휴지통(&amp;T)</translation>
    </message>
    <message>
        <source>Show deleted articles</source>
        <translation>삭제된 기사 보기</translation>
    </message>
    <message>
        <source>&amp;Restore Article</source>
        <translation>기사 복원(&amp;R)</translation>
    </message>
    <message>
        <source>Bring the chosen article back from the Trash</source>
        <translation>선택한 기사를 휴지통에서 되살립니다</translation>
    </message>
    <message>
        <source>E&amp;mpty Trash…</source>
        <translation>휴지통 비우기(&amp;M)…</translation>
    </message>
    <message>
        <source>Remove the deleted articles for good</source>
        <translation>삭제된 기사를 완전히 지웁니다</translation>
    </message>
    <message>
        <source>&amp;About deskeditor</source>
        <translation>deskeditor 정보(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>삽입(&amp;I)</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>서식(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>기본 도구 모음</translation>
    </message>
</context>
<context>
    <name>exporting</name>
    <message>
        <source>{n}. a photo that is not in the store ({sha}…)</source>
        <translation>{n}. 저장소에 없는 사진 ({sha}…)</translation>
    </message>
    <message>
        <source>{n}. {width} × {height} photo</source>
        <translation>{n}. {width} × {height} 사진</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <source>Cannot list the articles</source>
        <translation>기사 목록을 만들 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot read the article list</source>
        <translation>기사 목록을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot show the search hits</source>
        <translation>검색 결과를 표시할 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot read the sections</source>
        <translation>섹션을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot read the tags</source>
        <translation>태그를 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot open the article</source>
        <translation>기사를 열 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot create an article</source>
        <translation>기사를 만들 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot save the article</source>
        <translation>기사를 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot delete the article</source>
        <translation>기사를 삭제할 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot restore the article</source>
        <translation>기사를 복원할 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot empty the Trash</source>
        <translation>휴지통을 비울 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot export the article</source>
        <translation>기사를 내보낼 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot save the version</source>
        <translation>버전을 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot insert the image</source>
        <translation>사진을 넣을 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot read the image</source>
        <translation>사진을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot show the image</source>
        <translation>사진을 표시할 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot save the image&apos;s caption</source>
        <translation>사진 설명을 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot check the photos</source>
        <translation>사진을 확인할 수 없습니다</translation>
    </message>
</context>
</TS>
