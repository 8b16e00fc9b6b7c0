package org.deltascape.estimators.spaces;

import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.Settings;

/**
 * The values of text and text-list keys of a space (which {@link
 * org.deltascape.estimators.DeclaredKeys} does not read): the given value, else the key's
 * default, a choice checked against the key's choices, since settings built in code reach the
 * plugin unchecked.
 */
final class TextKeys {
  private TextKeys() {}

  /** The value of a {@link ConfigKey#choice} key, one of its choices. */
  static String choice(Settings settings, ConfigKey key) {
    String value =
        settings.has(key.name()) ? settings.string(key.name()) : (String) key.defaultValue();
    if (!key.choices().contains(value)) {
      throw settings.invalid(
          key.name(),
          "expected one of " + key.choices(),
          "Use " + String.join(" or ", key.choices()));
    }
    return value;
  }

  /** The value of a list-of-text key, or its default (empty when it has none). */
  @SuppressWarnings("unchecked")
  static List<String> strings(Settings settings, ConfigKey key) {
    if (settings.has(key.name())) {
      return List.copyOf(settings.strings(key.name()));
    }
    return key.defaultValue() == null ? List.of() : (List<String>) key.defaultValue();
  }
}
