package org.p2prollout.model.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/**
 * The JSON writer configuration of every JSON file and {@code --json} output: a number that is
 * not finite (NaN, ±Infinity: "not measured", "not defined for this model", "never reached") is
 * written as {@code null}. JSON has no literal for them; Jackson's default writes the strings
 * {@code "NaN"} and {@code "Infinity"}, which a reader would take for text, and its alternative
 * writes bare {@code NaN}, which is not JSON at all.
 *
 * <p>The rule is applied where numbers are written (a generator decorator), so it holds for
 * records, maps and tree nodes alike, whatever produced them.
 */
public final class FiniteJson {
    private FiniteJson() {
    }

    /** A JSON factory whose generators write non-finite doubles and floats as null. */
    public static JsonFactory factory() {
        return JsonFactory.builder().addDecorator((f, g) -> new NonFiniteAsNull(g)).build();
    }

    /** A new indented mapper on {@link #factory()}; records serialise by component. */
    public static ObjectMapper mapper() {
        return new ObjectMapper(factory()).enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    private static final class NonFiniteAsNull extends JsonGeneratorDelegate {
        NonFiniteAsNull(JsonGenerator d) {
            super(d, true);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            if (Double.isFinite(v)) {
                super.writeNumber(v);
            } else {
                writeNull();
            }
        }

        @Override
        public void writeArray(double[] array, int offset, int length) throws IOException {
            // the delegate would write the whole array itself, past writeNumber(double)
            writeStartArray(array, length);
            for (int i = offset; i < offset + length; i++) {
                writeNumber(array[i]);
            }
            writeEndArray();
        }

        @Override
        public void writeNumber(float v) throws IOException {
            if (Float.isFinite(v)) {
                super.writeNumber(v);
            } else {
                writeNull();
            }
        }
    }
}
