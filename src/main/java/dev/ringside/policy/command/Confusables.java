package dev.ringside.policy.command;

/**
 * Maps letters that look like Latin letters (Cyrillic, Greek, a few others) to the lowercase Latin
 * letter they imitate. NFKC does not do this: it keeps scripts apart, which is exactly what a
 * homoglyph attack relies on.
 */
final class Confusables {

    private static final int FIRST = 0x0370;
    private static final int LAST = 0x058F;
    private static final char[] LATIN = new char[LAST - FIRST + 1];

    static {
        // Cyrillic lowercase: а е о р с у х к і ј ѕ ԁ һ ӏ ԛ ԝ ѵ
        map("\u0430\u0435\u043E\u0440\u0441\u0443\u0445\u043A\u0456\u0458\u0455\u0501\u04BB\u04CF\u051B\u051D\u0475",
                "aeopcyxkijsdhlqwv");
        // Cyrillic capitals: А В Е К М Н О Р С Т Х У І Ј Ѕ Ԁ Ӏ Ԛ Ԝ Һ Ѵ
        map("\u0410\u0412\u0415\u041A\u041C\u041D\u041E\u0420\u0421\u0422\u0425\u0423\u0406\u0408\u0405\u0500\u04C0\u051A\u051C\u04BA\u0474",
                "abekmhopctxyijsdlqwhv");
        // Greek lowercase: ο α ε ι κ ν ρ τ υ χ γ ϲ ϳ
        map("\u03BF\u03B1\u03B5\u03B9\u03BA\u03BD\u03C1\u03C4\u03C5\u03C7\u03B3\u03F2\u03F3", "oaeikvptuxycj");
        // Greek capitals: Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ Ϲ Ϳ
        map("\u0391\u0392\u0395\u0396\u0397\u0399\u039A\u039C\u039D\u039F\u03A1\u03A4\u03A5\u03A7\u03F9\u037F",
                "abezhikmnoptyxcj");
        // Armenian: օ ս հ ց
        map("\u0585\u057D\u0570\u0581", "ouhg");
    }

    private Confusables() {
    }

    private static void map(String lookalikes, String latin) {
        if (lookalikes.length() != latin.length()) {
            throw new IllegalStateException("confusable table rows differ in length: " + latin);
        }
        for (int i = 0; i < latin.length(); i++) {
            LATIN[lookalikes.charAt(i) - FIRST] = latin.charAt(i);
        }
    }

    /** The Latin letter {@code codePoint} imitates, or {@code -1} when it imitates none. */
    static int latinFor(int codePoint) {
        if (codePoint >= FIRST && codePoint <= LAST) {
            char latin = LATIN[codePoint - FIRST];
            return latin == 0 ? -1 : latin;
        }
        return switch (codePoint) {
            case 0x0131 -> 'i'; // dotless i
            case 0x0251 -> 'a'; // Latin alpha
            case 0x0261 -> 'g'; // script g
            case 0x01C0 -> 'l'; // dental click, looks like l
            default -> -1;
        };
    }
}
