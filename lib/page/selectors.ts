// Every TikTok selector Tierkit uses, in one place, each with a sample of the markup it expects and the
// generation it was seen in. Anchors are `data-e2e` attributes, `/@handle` links and the embedded
// JSON; hashed class names change with every deploy, so a class is matched only by its component
// part (`[class*="DivNumber"]`). tests/unit/page/selectors.test.ts checks each one against the
// fixtures in tests/fixtures/pages/ (two markup generations where TikTok had two).

export const profileSelectors = {
  /**
   * The page's data as the server rendered it (2023-26), for the URL the browser loaded:
   * `<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">{"__DEFAULT_SCOPE__":
   * {"webapp.user-detail":{"userInfo":{"user":{…},"stats":{…},"statsV2":{…}},"statusCode":0}}}</script>`
   */
  universalData: 'script#__UNIVERSAL_DATA_FOR_REHYDRATION__',
  /**
   * 2021-23: `<script id="SIGI_STATE" type="application/json">{"UserModule":{"users":{"mara.sings":{…}},
   * "stats":{"mara.sings":{"followerCount":8412,…}}},"ItemModule":{…}}</script>`
   */
  sigiState: 'script#SIGI_STATE',
  /**
   * 2020-21: `<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"userInfo":
   * {"user":{…},"stats":{…}}}}}</script>`
   */
  nextData: 'script#__NEXT_DATA__',
  /**
   * The handle, or in some layouts the nickname, so both are read (see `userSubtitle`).
   * 2023-26: `<h1 data-e2e="user-title" class="css-1d3qdok-7937d88b--H1ShareTitle">mara.sings</h1>`
   * 2022: `<h2 data-e2e="user-title" class="tiktok-arkop9-H2ShareTitle">mara.sings</h2>`
   */
  userTitle: '[data-e2e="user-title"]',
  /**
   * 2023-26: `<h2 data-e2e="user-subtitle" class="css-10pb43i-7937d88b--H2ShareSubTitle">Mara Sings</h2>`
   * 2022: `<h1 data-e2e="user-subtitle" class="tiktok-qpyus6-H1ShareSubTitle">Mara Sings</h1>`
   */
  userSubtitle: '[data-e2e="user-subtitle"]',
  /**
   * 2024-26: `<h3 class="css-1mfz7iy-7937d88b--H3CountInfos"><div class="css-1ldzp5s-7937d88b--DivNumber">
   * <strong data-e2e="following-count" title="Following">212</strong><span …>Following</span></div>
   * <div class="css-1ldzp5s-7937d88b--DivNumber"><strong data-e2e="followers-count" title="Followers">
   * 10.9K</strong>…</div><div …><strong data-e2e="likes-count" title="Likes">312.4K</strong>…</div></h3>`
   * 2022-23: the same strongs in `<h2 class="tiktok-7k173h-H2CountInfos"><div class="tiktok-xeexlu-DivNumber">`.
   */
  followersCount: 'strong[data-e2e="followers-count"]',
  followingCount: 'strong[data-e2e="following-count"]',
  likesCount: 'strong[data-e2e="likes-count"]',
  /**
   * A video in the profile's grid (2022-26; the grid grows by infinite scroll):
   * `<div data-e2e="user-post-item-list"><div data-e2e="user-post-item" class="css-x6y88p-7937d88b--DivItemContainerV2">
   * <a href="https://www.tiktok.com/@mara.sings/video/7301234567890123456">…
   * <strong data-e2e="video-views" class="video-count css-dirst9-7937d88b--StrongVideoCount">48.2K</strong></a></div>…</div>`
   */
  videoItem: '[data-e2e="user-post-item"]',
  /** Inside a `videoItem`: the link to the video, whose path names its author (`/@handle/video/…`). */
  videoLink: 'a[href*="/video/"]',
  /** Inside a `videoItem`: `<strong data-e2e="video-views">48.2K</strong>` */
  videoViews: 'strong[data-e2e="video-views"]',
  /**
   * What a profile URL shows when there is no profile to show (2024-26), instead of the header:
   * `<main class="css-1w7v8kl-7937d88b--DivErrorContainer"><p …--PTitle">Couldn't find this account</p></main>`
   * (a private account shows one below its header).
   */
  errorContainer: '[class*="DivErrorContainer"]',
} as const;

export const videoSelectors = {
  /**
   * A top-level comment's author name. The handle is in the `/@handle` link around it (2022-23) or
   * inside it (2024-26); the text holds the nickname.
   * 2024-26: `<div class="css-…-DivCommentItemWrapper"><div data-e2e="comment-username-1" class="…">
   * <a href="/@fan.one" class="…"><p class="…">Fan One</p></a></div>
   * <span data-e2e="comment-level-1"><p>See you there! <a href="/@lena.paints">@lena.paints</a></p></span></div>`
   * 2022-23: `<div class="tiktok-…-DivCommentItemContainer"><a href="/@fan.one">
   * <span data-e2e="comment-username-1" class="…">Fan One</span></a><p data-e2e="comment-level-1">…</p></div>`
   * @mentions inside the text (`comment-level-1`) are `/@` links too: they are never inside this.
   */
  commentAuthor: '[data-e2e="comment-username-1"]',
  /**
   * A reply's author name, as `commentAuthor` with `-2` (2022-26):
   * `<div class="css-…-DivReplyContainer"><div class="css-…-DivCommentItemWrapper">
   * <div data-e2e="comment-username-2"><a href="/@mara.sings"><p>Mara Sings</p></a></div>
   * <span data-e2e="comment-level-2">…</span></div></div>`
   */
  replyAuthor: '[data-e2e="comment-username-2"]',
  /** The link that holds the handle, around or inside an author name (`closest` or `querySelector`). */
  handleLink: 'a[href*="/@"]',
  /**
   * The list of comments, present on every video page even before its comments load (2022-26):
   * 2024-26 `<div class="css-7whb78-7937d88b--DivCommentListContainer">`, 2022-23
   * `<div class="tiktok-1xiq6tl-DivCommentListContainer">`.
   */
  commentList: '[class*="DivCommentListContainer"]',
} as const;

export const liveSelectors = {
  /**
   * The chat, on every LIVE page while the creator is live (2024-26):
   * `<div data-e2e="live-chat-container" class="…-DivChatRoomContainer"><div data-e2e="chat-room"
   * class="…-DivChatMessageList">…messages…</div></div>`
   */
  chatRoom: '[data-e2e="chat-room"], [data-e2e="live-chat-container"]',
  /**
   * A chat message; other rows (joins `enter-message`, follows and shares `social-message`) are not.
   * Since 2025 the list is virtualised and a `div[data-index]` slot is rewritten in place with the next
   * message (its sender's `title` and text change, and the element stays).
   */
  chatMessage: '[data-e2e="chat-message"]',
  /**
   * A LIVE chat message's sender: the nickname, in `title` (2024-26).
   * 2025-26: `<div data-index="41"><div data-e2e="chat-message" class="…"><span data-e2e="message-owner-name"
   * title="Fan One" class="…"><span class="…">Fan One</span></span><div class="…">hello!</div></div></div>`
   * 2024 (a plain list; the avatar links to the sender's profile, which gives the handle):
   * `<div data-e2e="chat-message" class="tiktok-…-DivChatMessage"><a href="/@fan.one" class="…-StyledLink">
   * <img class="…-ImgAvatar" alt=""></a><div class="…-DivChatMessageContent"><span data-e2e="message-owner-name"
   * title="Fan One" class="…-SpanNickName">Fan One</span><div class="…-DivComment">hello!</div></div></div>`
   */
  chatSender: '[data-e2e="chat-message"] [data-e2e="message-owner-name"]',
} as const;

export const feedSelectors = {
  /**
   * A For You item (2022-26; recycled as the feed scrolls): 2024-26 `<article data-e2e="recommend-list-item-container"
   * data-scroll-index="0" class="…-ArticleItemContainer">`, 2022-23 `<div data-e2e="recommend-list-item-container"
   * class="tiktok-…-DivItemContainer">`.
   */
  item: '[data-e2e="recommend-list-item-container"]',
  /**
   * Inside an item, its author's avatar, linking to the profile (2024-26):
   * `<a data-e2e="video-author-avatar" href="/@lena.paints" class="…">…</a>…
   * <div class="css-…-DivCreatorInfoContainer"><a href="/@lena.paints"><h3 data-e2e="video-author-uniqueid">lena.paints</h3></a></div>`
   */
  authorAvatar: 'a[data-e2e="video-author-avatar"][href*="/@"]',
  /**
   * Inside an item, the author's handle as text, in the link to the profile (2022-26; the only author
   * anchor in 2022-23): `<a href="/@lena.paints" class="tiktok-…-StyledAuthorAnchor"><h3 data-e2e="video-author-uniqueid"
   * class="…-H3AuthorTitle">lena.paints</h3><h4 data-e2e="video-author-nickname">Lena Paints</h4></a>`
   * The caption's @mentions (`video-desc`) are links too, and never the author.
   */
  authorName: '[data-e2e="video-author-uniqueid"]',
} as const;
