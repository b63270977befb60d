package org.orgledger.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.orgledger.language.LocalizedText;

/**
 * The {@code lang} parameter of the read endpoints: a preference, never a filter. Every text
 * per language ({@code name}, {@code title}, {@code text}, and a renaming's {@code before} and
 * {@code after}) keeps all its languages, lists the preferred one first, and gets a sibling
 * {@code preferredName} ({@code preferredTitle}, {@code preferredText}, ...) holding the text
 * in that language; where the text lacks it, in a regional variant of it ({@code zh-Hans} for
 * {@code zh}), else in English, else in the first language it has.
 */
public final class LanguagePreference {

    private static final String FALLBACK = "en";

    private LanguagePreference() {
    }

    /**
     * A typed view with the preference applied while it is written: each {@link LocalizedText}
     * property is written preferred language first, with its {@code preferred...} sibling.
     */
    public static <T> Preferred<T> preferred(T view, String language) {
        return new Preferred<>(view, language);
    }

    /** The language to show of those a text has (in its order): the preferred one, a regional variant, English, the first. */
    static String pick(Iterable<String> languages, String language) {
        Iterator<String> names = languages.iterator();
        String first = null;
        String variant = null;
        while (names.hasNext()) {
            String name = names.next();
            if (name.equals(language)) {
                return language;
            }
            first = first == null ? name : first;
            if (variant == null && name.startsWith(language + "-")) {
                variant = name;
            }
        }
        if (variant != null) {
            return variant;
        }
        boolean english = false;
        for (String name : languages) {
            english |= name.equals(FALLBACK);
        }
        return english ? FALLBACK : first;
    }

    /**
     * Writes each {@link LocalizedText} property of a typed view with the preference of the
     * {@link Preferred} being written: preferred language first, then a {@code preferredName}
     * ({@code preferredTitle}, ...) sibling after the view's other properties, as the tree
     * rewrite the answers had before did (TreeRewrite in the tests holds them to it). Without a preference nothing changes, so events and every other answer
     * written by the same mapper stay byte for byte as they were.
     */
    @org.springframework.stereotype.Component
    static final class TextsModule extends SimpleModule {

        TextsModule() {
            super("orgledger-language-preference");
            // every LocalizedText, a property's or a value in a map (a change's details), preferred language first
            addSerializer(LocalizedText.class, PREFERRED_FIRST);
            setSerializerModifier(new BeanSerializerModifier() {
                @Override
                public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
                                                                 List<BeanPropertyWriter> properties) {
                    List<BeanPropertyWriter> texts = properties.stream()
                            .filter(property -> property.getType().hasRawClass(LocalizedText.class)).toList();
                    AnnotatedMember anyGetter = bean.findAnyGetter();
                    if (texts.isEmpty() && anyGetter == null) {
                        return properties;
                    }
                    List<BeanPropertyWriter> changed = new ArrayList<>(properties);
                    texts.forEach(text -> changed.add(new PreferredSibling(text)));
                    if (anyGetter != null && !properties.isEmpty()) {
                        changed.add(new PreferredSiblingsOfAny(properties.get(0), anyGetter));
                    }
                    return changed;
                }
            });
        }
    }

    private static final JsonSerializer<LocalizedText> PREFERRED_FIRST = new StdSerializer<>(LocalizedText.class) {
        @Override
        public void serialize(LocalizedText value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            Map<String, String> values = value.values();
            Object language = provider.getAttribute(Preferred.LANGUAGE);
            String first = language == null ? null : pick(values.keySet(), (String) language);
            generator.writeStartObject(value);
            if (first != null) {
                generator.writeStringField(first, values.get(first));
            }
            for (Map.Entry<String, String> text : values.entrySet()) {
                if (!text.getKey().equals(first)) {
                    generator.writeStringField(text.getKey(), text.getValue());
                }
            }
            generator.writeEndObject();
        }
    };

    /** {@code preferredName} beside {@code name}: written only while a preference is being applied. */
    private static final class PreferredSibling extends BeanPropertyWriter {

        PreferredSibling(BeanPropertyWriter text) {
            super(text, new SerializedString("preferred" + Character.toUpperCase(text.getName().charAt(0))
                    + text.getName().substring(1)));
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator generator, SerializerProvider provider) throws Exception {
            Object language = provider.getAttribute(Preferred.LANGUAGE);
            Object value = get(bean);
            if (language == null || !(value instanceof LocalizedText text)) {
                return;
            }
            generator.writeStringField(getName(), preferredOf(text, (String) language));
        }
    }

    /**
     * The {@code preferred...} siblings of the texts among a view's other members ({@link
     * com.fasterxml.jackson.annotation.JsonAnyGetter}: a change's details), in their order, after
     * the view's properties as for a declared text.
     */
    private static final class PreferredSiblingsOfAny extends BeanPropertyWriter {

        private final AnnotatedMember members;

        PreferredSiblingsOfAny(BeanPropertyWriter template, AnnotatedMember members) {
            super(template, new SerializedString("preferred texts of " + members.getName()));
            this.members = members;
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator generator, SerializerProvider provider) throws Exception {
            Object language = provider.getAttribute(Preferred.LANGUAGE);
            if (language == null || !(members.getValue(bean) instanceof Map<?, ?> values)) {
                return;
            }
            for (Map.Entry<?, ?> member : values.entrySet()) {
                if (member.getValue() instanceof LocalizedText text) {
                    String name = member.getKey().toString();
                    generator.writeStringField("preferred" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
                            preferredOf(text, (String) language));
                }
            }
        }
    }

    private static String preferredOf(LocalizedText text, String language) {
        return text.values().get(pick(text.values().keySet(), language));
    }
}
