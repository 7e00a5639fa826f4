package org.shinsei.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a UTF-8 CSV file line by line (RFC 4180 quoting within a line; an optional byte-order mark is dropped).
 * A quoted field spanning lines is not supported: the registry has no multi-line values, and a stray quote
 * then shows up as a row error instead of silently swallowing the following rows.
 */
final class CsvLineReader implements AutoCloseable {

    /** One physical line: its 1-based number and its fields, or the reason it could not be split. */
    record Line(long number, List<String> fields, String error) {

        boolean blank() {
            return error == null && fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    private final BufferedReader reader;
    private long number;

    CsvLineReader(Path csv) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.reader = new BufferedReader(new InputStreamReader(Files.newInputStream(csv), decoder));
    }

    /** The next line, or null at the end of the file. */
    Line next() {
        String text;
        try {
            text = reader.readLine();
        } catch (CharacterCodingException e) {
            throw new RegistryFormatException("registry CSV is not valid UTF-8 after line " + number, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text == null) {
            return null;
        }
        number++;
        if (number == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return split(number, text);
    }

    static Line split(long number, String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' && i == text.length() - 1) {
                break;
            } else if (wasQuoted) {
                return new Line(number, List.of(), "text after a closing quote");
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return new Line(number, List.of(), "unterminated quote");
        }
        fields.add(field.toString());
        return new Line(number, fields, null);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
