package org.safereg.system;

/** What several features say about the same kinds of input, in one wording. */
public final class Inputs {

    public static final Text REGION_CODE =
            Text.of("input.region-code", "must be a 6-digit administrative division code");
    public static final Text CREDIT_CODE =
            Text.of("input.credit-code-length", "must be an {0}-character unified social credit code", 18);
    public static final Text UNKNOWN_ENTERPRISE_CODE =
            Text.of("input.unknown-enterprise-code", "no enterprise with this credit code is known");

    private Inputs() {}

    /** "must be one of {@code values}", the values as the caller writes them. */
    public static Text oneOf(String values) {
        return Text.of("input.one-of", "must be one of {0}", values);
    }

    public static Text unknownEnterprise(String creditCode) {
        return Text.of("enterprise.unknown", "No enterprise with unified social credit code {0} is known.", creditCode);
    }
}
