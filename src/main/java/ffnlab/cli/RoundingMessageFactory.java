package ffnlab.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.logging.log4j.message.AbstractMessageFactory;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;

/**
 * Log4j2's message factory for ffnlab ({@code log4j2.messageFactory} in {@code log4j2.component.properties}): a
 * {@code double} or {@code float} parameter of a log line is written with four significant digits
 * ({@code 0.5213}, {@code 1.248e-05}), because a log line is read, while full precision lives in the results
 * files. Every other parameter, and the message text, is left as it is.
 */
public final class RoundingMessageFactory extends AbstractMessageFactory {
    private static final MathContext FOUR_DIGITS = new MathContext(4);

    @Override
    public Message newMessage(String message, Object... params) {
        if (params == null) {
            return new ParameterizedMessage(message, (Object[]) null);
        }
        Object[] rounded = params.clone();
        for (int i = 0; i < rounded.length; i++) {
            if (rounded[i] instanceof Double || rounded[i] instanceof Float) {
                rounded[i] = round(((Number) rounded[i]).doubleValue());
            }
        }
        return new ParameterizedMessage(message, rounded);
    }

    /** Four significant digits without trailing zeros; plain notation from 1e-4 to 1e7, else scientific. */
    static String round(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        BigDecimal r = new BigDecimal(x).round(FOUR_DIGITS).stripTrailingZeros();
        double a = Math.abs(x);
        if (a == 0 || a >= 1e-4 && a < 1e7) {
            return r.toPlainString();
        }
        return String.format(java.util.Locale.ROOT, "%.3e", r.doubleValue()).replaceAll("\\.?0+e", "e");
    }
}
