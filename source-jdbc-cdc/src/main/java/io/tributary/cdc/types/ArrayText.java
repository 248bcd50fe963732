package io.tributary.cdc.types;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text form of a one-dimensional PostgreSQL array, {@code {1,NULL,"a \"b\""}}, into element texts (null for
 * NULL). Multi-dimensional arrays are rejected.
 */
public final class ArrayText {

    private ArrayText() {
    }

    public static List<String> elements(String text) {
        int start = 0;
        if (text.startsWith("[")) {
            // explicit bounds: [0:2]={1,2,3}
            start = text.indexOf('=') + 1;
        }
        if (text.length() < start + 2 || text.charAt(start) != '{' || text.charAt(text.length() - 1) != '}') {
            throw new IllegalArgumentException("'" + text + "' is not an array literal");
        }
        List<String> elements = new ArrayList<>();
        int end = text.length() - 1;
        int i = start + 1;
        if (i == end) {
            return elements;
        }
        StringBuilder current = new StringBuilder();
        while (i <= end) {
            char c = text.charAt(i);
            if (c == '{') {
                throw new IllegalArgumentException("multi-dimensional arrays are not supported: '" + text + "'");
            }
            boolean quoted = c == '"';
            current.setLength(0);
            if (quoted) {
                i++;
                while (text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\') {
                        i++;
                    }
                    current.append(text.charAt(i++));
                }
                i++;
            } else {
                while (i < end && text.charAt(i) != ',') {
                    if (text.charAt(i) == '\\') {
                        i++;
                    }
                    current.append(text.charAt(i++));
                }
            }
            String element = current.toString();
            elements.add(!quoted && element.equalsIgnoreCase("NULL") ? null : element);
            i++; // the ',' or the closing '}'
        }
        return elements;
    }
}
