// Words that carry no theme on their own, per language (lowercase, with diacritics), one list for
// each locale the widget ships. Survey filler ("very", "really", "app") is included: it dominates
// comments and says nothing. Japanese words are as Intl.Segmenter cuts them (particles, copulas,
// auxiliaries); Arabic and Hebrew lists hold the free-standing forms (prefixed clitics stay).

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

export const STOP_WORDS: Record<string, ReadonlySet<string>> = {
  en: words(`a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does doesn't
    doing don't down during each even ever every few for from further get gets got had hadn't has hasn't
    have haven't having he her here hers herself him himself his how however i i'm i've if in into is
    isn't it it's its itself just let's like lot lots make makes me more most much must my myself no nor
    not now of off on once one only or other our ours ourselves out over own quite rather really same she
    should shouldn't so some still such than that that's the their theirs them themselves then there
    there's these they they're this those through thing things to too under until up us use used using
    very was wasn't we we're were weren't what when where which while who whom why will with won't would
    wouldn't yes yet you you're your yours yourself yourselves app product service`),
  de: words(`aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei bin bis
    bist da damit dann das dass dein deine dem den der des dich die dies diese diesem diesen dieser dieses
    dir doch dort du durch ein eine einem einen einer eines einfach er es etwas euch euer für gar gegen
    gewesen hab habe haben hat hatte hier hin hinter ich ihm ihn ihnen ihr ihre im immer in ist ja jede
    jeder jetzt kann kein keine können man manche mehr mein meine mich mir mit muss nach nicht nichts noch
    nun nur ob oder ohne schon sehr sein seine sich sie sind so solche soll über um und uns unser unter
    viel vom von vor war waren warum was weil weiter welche wenn wer wie wieder will wir wird wo wurde zu
    zum zur zwar zwischen app produkt`),
  fr: words(`a au aux avec ce ces cette c'est dans de des du elle elles en est et être eu fait il ils je
    j'ai la le les leur lui ma mais me même mes moi mon ne nos notre nous on ou où par pas peu plus pour
    qu'il que qui sa sans se ses si son sont sur ta te tes toi ton tout toute tous très tu un une vos
    votre vous y été était avoir bien aussi ça cela comme donc encore alors application produit`),
  es: words(`a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el
    ella ellas ellos en entre era es esa esas ese eso esos esta está están estas este esto estos fue ha
    hay la las le les lo los más me mi mis mucho muy nada ni no nos o os otra otro para pero poco por
    porque que qué se sea ser si sí sin sobre son su sus también tan te tiene todo todos tu tus un una
    uno unos y ya bien aplicación producto`),
  pt: words(`a ao aos as até com como da das de dela dele do dos e é ela elas ele eles em entre era essa
    esse esta está este eu foi há isso isto já lhe mais mas me meu minha muito na não nas nem no nos
    nós o os ou para pela pelo por porque qual quando que se sem ser seu sua são também te tem tu um
    uma umas uns você vocês bem aplicativo produto`),
  ja: words(`の に は を た が で て と し れ さ ある いる も する から な こと として い や れる など なっ ない
    この ため その あっ よう また もの という あり まで られ なる へ か だ これ によって により おり より による
    ず なり られる において ば なかっ なく しかし について せ だっ できる それ う ので なお のみ でき き つ
    における および いう さらに でも ら たり たち ます ん なら です でし ました ません けど けれど ね よ
    とても すごく 本当に 本当 ちょっと 少し もう まだ 私 僕 あれ どれ ここ そこ 思い 思う 思います
    アプリ 製品 サービス`),
  ar: words(`في من على إلى عن مع هذا هذه ذلك تلك التي الذي الذين هو هي هم هن أنا أنت أنتم نحن أن إن
    كان كانت يكون لا ما لم لن قد كل بعض أو و ثم جدا جداً لكن غير بين عند هناك هنا كما أي إذا حتى
    لقد مثل منذ عندما أيضا أيضاً فقط كثيرا كثيراً ليس يا به بها له لها لي فيه فيها منه التطبيق المنتج الخدمة`),
  he: words(`של את על עם זה זו זאת הוא היא הם הן אני אתה אנחנו לא כן גם אבל או כי אם מה מי כל
    יש אין היה הייתה היו יהיה מאוד ממש רק עוד כבר אז כמו כך אחרי לפני בין עד אל מן מכל שלי שלו שלה
    שלנו להם לי לו לה בו בה זהו אחד אחת הכל די קצת האפליקציה אפליקציה המוצר מוצר השירות שירות`),
};

const ALL: ReadonlySet<string> = new Set(Object.values(STOP_WORDS).flatMap((s) => [...s]));

/** The language of a locale, lowercase (`pt-BR` → `pt`); `undefined` without one. */
export const languageOf = (locale: string | undefined): string | undefined =>
  locale?.toLowerCase().split(/[-_]/)[0] || undefined;

/** Stop words for a locale or language (`pt-BR` → pt); every known language when it is unknown or absent. */
export function stopWordsFor(locale: string | undefined): ReadonlySet<string> {
  const language = languageOf(locale);
  return (language && STOP_WORDS[language]) || ALL;
}
