// Words that carry no theme on their own, per language (lowercase, with diacritics).
// Survey filler ("very", "really", "app") is included: it dominates comments and says nothing.

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
    uno unos y ya aplicación producto`),
  pt: words(`a ao aos as até com como da das de dela dele do dos e é ela elas ele eles em entre era essa
    esse esta está este eu foi há isso isto já lhe mais mas me meu minha muito na não nas nem no nos
    nós o os ou para pela pelo por porque qual quando que se sem ser seu sua são também te tem tu um
    uma umas uns você vocês bem aplicativo produto`),
};

const ALL: ReadonlySet<string> = new Set(Object.values(STOP_WORDS).flatMap((s) => [...s]));

/** Stop words for a locale (`pt-BR` → pt); every known language when it is unknown or absent. */
export function stopWordsFor(locale: string | undefined): ReadonlySet<string> {
  const language = locale?.toLowerCase().split(/[-_]/)[0];
  const list = language ? STOP_WORDS[language] : undefined;
  return list ?? ALL;
}
