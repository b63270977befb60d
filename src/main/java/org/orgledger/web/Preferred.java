package org.orgledger.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * A typed view to be written with the reader's {@code lang} preference (null: none). The view
 * stays what the query returned; {@link LanguagePreference.TextsModule} applies the preference
 * while Jackson writes it, so a controller never rewrites JSON by field name.
 */
@JsonSerialize(using = Preferred.Writer.class)
public record Preferred<T>(T view, String language) {

    /** The serialization attribute that carries the preferred language to the text writers. */
    static final String LANGUAGE = Preferred.class.getName() + ".language";

    static final class Writer extends StdSerializer<Preferred<?>> {

        @SuppressWarnings({"unchecked", "rawtypes"})
        Writer() {
            super((Class) Preferred.class);
        }

        @Override
        public void serialize(Preferred<?> preferred, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            provider.setAttribute(LANGUAGE, preferred.language());
            provider.defaultSerializeValue(preferred.view(), generator);
        }
    }
}
