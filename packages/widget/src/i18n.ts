// Built-in texts. Size: each locale is one "|"-separated string in KEYS order rather than an
// object literal, which keeps eight languages small after gzip.
import type { Category } from "@npskit/core";
import type { WidgetSurvey } from "./types.js";

const KEYS = [
  "product", "company", "nps", "enps", "csat", "ces",
  "npsLow", "npsHigh", "csatLow", "csatHigh", "cesLow", "cesHigh",
  "promoter", "passive", "detractor", "send", "close", "thanks", "left",
] as const;

export type Texts = Record<(typeof KEYS)[number], string>;

const LOCALES: Record<string, string> = {
  en: "us|us|How likely are you to recommend {product} to a friend or colleague?|How likely are you to recommend {product} as a place to work?|How satisfied are you with {product}?|How easy was it to get what you needed from {product}?|Not at all likely|Extremely likely|Very dissatisfied|Very satisfied|Very difficult|Very easy|What do you like most?|What could we do better?|What was missing or disappointing?|Send|Close|Thank you for your feedback!|{n} characters left",
  de: "uns|uns|Wie wahrscheinlich ist es, dass Sie {product} einem Freund oder Kollegen empfehlen?|Wie wahrscheinlich ist es, dass Sie {product} als Arbeitgeber empfehlen?|Wie zufrieden sind Sie mit {product}?|Wie einfach war es, bei {product} zu erledigen, was Sie brauchten?|Sehr unwahrscheinlich|Sehr wahrscheinlich|Sehr unzufrieden|Sehr zufrieden|Sehr schwierig|Sehr einfach|Was gefällt Ihnen am besten?|Was könnten wir besser machen?|Was hat gefehlt oder Sie enttäuscht?|Senden|Schließen|Vielen Dank für Ihr Feedback!|Noch {n} Zeichen",
  fr: "notre produit|notre entreprise|Quelle est la probabilité que vous recommandiez {product} à un ami ou un collègue\u00a0?|Quelle est la probabilité que vous recommandiez {product} comme employeur\u00a0?|Êtes-vous satisfait de {product}\u00a0?|Était-il facile d’obtenir ce dont vous aviez besoin avec {product}\u00a0?|Pas du tout probable|Très probable|Très insatisfait|Très satisfait|Très difficile|Très facile|Qu’appréciez-vous le plus\u00a0?|Que pourrions-nous améliorer\u00a0?|Qu’est-ce qui vous a manqué ou déçu\u00a0?|Envoyer|Fermer|Merci pour votre avis\u00a0!|{n} caractères restants",
  es: "nuestro producto|nuestra empresa|¿Qué probabilidad hay de que recomiendes {product} a un amigo o colega?|¿Qué probabilidad hay de que recomiendes {product} como lugar de trabajo?|¿Qué tan satisfecho estás con {product}?|¿Qué tan fácil fue conseguir lo que necesitabas con {product}?|Nada probable|Muy probable|Muy insatisfecho|Muy satisfecho|Muy difícil|Muy fácil|¿Qué es lo que más te gusta?|¿Qué podríamos mejorar?|¿Qué te faltó o te decepcionó?|Enviar|Cerrar|¡Gracias por tu opinión!|Quedan {n} caracteres",
  pt: "nosso produto|nossa empresa|Qual a probabilidade de você recomendar {product} a um amigo ou colega?|Qual a probabilidade de você recomendar {product} como lugar para trabalhar?|Qual o seu nível de satisfação com {product}?|Quão fácil foi conseguir o que você precisava com {product}?|Nada provável|Extremamente provável|Muito insatisfeito|Muito satisfeito|Muito difícil|Muito fácil|Do que você mais gosta?|O que poderíamos melhorar?|O que faltou ou decepcionou você?|Enviar|Fechar|Obrigado pelo seu feedback!|Restam {n} caracteres",
  ja: "当社|当社|{product}を友人や同僚に勧める可能性はどのくらいありますか？|{product}を働く場所として勧める可能性はどのくらいありますか？|{product}にどのくらい満足していますか？|{product}で必要なことをどのくらい簡単に行えましたか？|まったく可能性がない|非常に可能性が高い|非常に不満|非常に満足|非常に難しい|非常に簡単|特に気に入っている点は何ですか？|改善できる点は何ですか？|不足していた点や残念だった点は何ですか？|送信|閉じる|ご意見ありがとうございました！|残り{n}文字",
  ar: "منتجنا|شركتنا|ما مدى احتمال أن توصي صديقًا أو زميلًا بـ{product}؟|ما مدى احتمال أن توصي بـ{product} كمكان للعمل؟|ما مدى رضاك عن {product}؟|ما مدى سهولة الحصول على ما تحتاجه من {product}؟|غير محتمل إطلاقًا|محتمل جدًا|غير راضٍ إطلاقًا|راضٍ جدًا|صعب جدًا|سهل جدًا|ما أكثر ما يعجبك؟|ما الذي يمكننا تحسينه؟|ما الذي افتقدته أو خيّب أملك؟|إرسال|إغلاق|شكرًا على ملاحظاتك!|متبقٍ {n} حرفًا",
  he: "המוצר שלנו|החברה שלנו|עד כמה סביר שתמליצו על {product} לחבר או לעמית?|עד כמה סביר שתמליצו על {product} כמקום עבודה?|עד כמה אתם מרוצים מ{product}?|עד כמה היה קל להשיג את מה שהייתם צריכים באמצעות {product}?|בכלל לא סביר|סביר מאוד|לא מרוצה בכלל|מרוצה מאוד|קשה מאוד|קל מאוד|מה הכי אהבתם?|מה נוכל לשפר?|מה היה חסר או מאכזב?|שליחה|סגירה|תודה על המשוב!|נותרו {n} תווים",
};

/** The built-in language for a BCP 47 tag: its primary subtag if we have it, else English. */
export function negotiate(locale: string | undefined): string {
  const lang = (locale || "").toLowerCase().split(/[-_]/)[0]!;
  return {}.hasOwnProperty.call(LOCALES, lang) ? lang : "en";
}

export const isRtl = (lang: string) => lang === "ar" || lang === "he";

export function textsFor(lang: string): Texts {
  const parts = LOCALES[lang]!.split("|");
  return Object.fromEntries(KEYS.map((key, i) => [key, parts[i]])) as Texts;
}

/** Replace every `{key}` in one pass, so a substituted value is never expanded again. */
export const fill = (template: string, key: string, value: string) => template.split(`{${key}}`).join(value);

/** Every text one survey shows, in its language, with config overrides and `{product}` filled in. */
export type Copy = Record<"question" | "low" | "high" | Category | "thanks" | "send" | "close" | "left", string>;

export function copyFor(survey: WidgetSurvey, lang: string, product: string | undefined): Copy {
  const t = textsFor(lang);
  const { kind, followUp = {} } = survey;
  const scale = kind === "enps" ? "nps" : kind;
  const name = product || (kind === "enps" ? t.company : t.product);
  const text = (custom: string | undefined, builtIn: string) => fill(custom || builtIn, "product", name);
  return {
    question: text(survey.question, t[kind]),
    low: t[`${scale}Low`],
    high: t[`${scale}High`],
    promoter: text(followUp.promoter, t.promoter),
    passive: text(followUp.passive, t.passive),
    detractor: text(followUp.detractor, t.detractor),
    thanks: text(survey.thankYou, t.thanks),
    send: t.send,
    close: t.close,
    left: t.left,
  };
}
