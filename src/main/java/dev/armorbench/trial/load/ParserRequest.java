package dev.armorbench.trial.load;

/** What the parser is asked to do with the profile text; the root helper accepts exactly these. */
public enum ParserRequest {
    /** Load or replace, in the modes the profile's flags say ({@code apparmor_parser -r -K}). */
    REPLACE("replace", "-r", "-K"),
    /** Load or replace with every profile forced into complain mode ({@code apparmor_parser -r -K -C}). */
    REPLACE_IN_COMPLAIN_MODE("replace-complain", "-r", "-K", "-C"),
    /** Unload the profiles the text defines ({@code apparmor_parser -R -K}). */
    REMOVE("remove", "-R", "-K");

    private final String helperWord;
    private final String[] parserOptions;

    ParserRequest(String helperWord, String... parserOptions) {
        this.helperWord = helperWord;
        this.parserOptions = parserOptions;
    }

    /** The root helper's word for this request (its first argument). */
    public String helperWord() {
        return helperWord;
    }

    /** The parser's options for this request. */
    public java.util.List<String> parserOptions() {
        return java.util.List.of(parserOptions);
    }
}
