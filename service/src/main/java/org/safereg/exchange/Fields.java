package org.safereg.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.safereg.enterprise.CreditCodes;
import org.safereg.system.Inputs;
import org.safereg.system.Text;

/**
 * Reads the typed values of one row, recording what is wrong with each field at its row and column. A value
 * that is wrong reads as null (or 0), and {@link #ok()} then says the row cannot be used.
 */
final class Fields {

    private final SourceRow row;
    private final ImportErrors errors;
    private boolean ok = true;

    Fields(SourceRow row, ImportErrors errors) {
        this.row = row;
        this.errors = errors;
    }

    SourceRow row() {
        return row;
    }

    boolean ok() {
        return ok;
    }

    void error(String field, Text message) {
        ok = false;
        errors.add(row, field, message);
    }

    String text(String field, int max, boolean required) {
        String value = row.value(field);
        if (value == null || value.isBlank()) {
            if (required) {
                error(field, Text.of("exchange.required", "is required"));
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > max) {
            error(field, Text.of("exchange.too-long", "must be at most {0} characters", max));
            return null;
        }
        return stripped;
    }

    String creditCode(String field) {
        String code = text(field, 18, true);
        if (code == null) {
            return null;
        }
        Text problem = CreditCodes.problemOf(code);
        if (problem != null) {
            error(field, CreditCodes.notACode(code, problem));
            return null;
        }
        return code;
    }

    String oneOf(String field, List<String> values, boolean required) {
        String value = text(field, 64, required);
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!values.contains(upper)) {
            error(field, Inputs.oneOf(String.join(", ", values)));
            return null;
        }
        return upper;
    }

    Integer integer(String field, int min, int max, boolean required) {
        String value = text(field, 20, required);
        if (value == null) {
            return null;
        }
        try {
            // a spreadsheet may keep a whole number as 12.0
            BigDecimal number = new BigDecimal(value);
            int whole = number.intValueExact();
            if (whole < min || whole > max) {
                error(field, Text.of("exchange.between", "must be between {0} and {1}", min, max));
                return null;
            }
            return whole;
        } catch (NumberFormatException | ArithmeticException e) {
            error(field, Text.of("exchange.whole-number", "must be a whole number"));
            return null;
        }
    }

    int count(String field, int max) {
        Integer value = integer(field, 0, max, true);
        return value == null ? 0 : value;
    }

    BigDecimal decimal(String field, int scale, BigDecimal max, boolean required) {
        String value = text(field, 24, required);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.signum() < 0 || number.compareTo(max) > 0) {
                error(field, Text.of("exchange.between", "must be between {0} and {1}", 0, max.toPlainString()));
                return null;
            }
            if (number.stripTrailingZeros().scale() > scale) {
                error(field, Text.of("exchange.decimals", "must have at most {0} decimal places", scale));
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            error(field, Text.of("exchange.number", "must be a number"));
            return null;
        }
    }

    LocalDate date(String field, boolean required) {
        String value = text(field, 10, required);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            error(field, Text.of("exchange.date", "must be a date as YYYY-MM-DD"));
            return null;
        }
    }

    LocalDate pastDate(String field, LocalDate today) {
        LocalDate date = date(field, true);
        if (date != null && date.isAfter(today)) {
            error(field, Text.of("input.not-after-today", "must not be after today ({0})", today));
            return null;
        }
        return date;
    }

    boolean bool(String field) {
        String value = text(field, 8, false);
        if (value == null) {
            return false;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "是" -> {
                return true;
            }
            case "false", "0", "no", "否" -> {
                return false;
            }
            default -> {
                error(field, Text.of("exchange.boolean", "must be true or false"));
                return false;
            }
        }
    }
}
