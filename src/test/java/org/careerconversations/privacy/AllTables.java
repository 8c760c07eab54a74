package org.careerconversations.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Reads every row of every table of the schema — the app's and the engine's, whatever they are called —
 * and reports each value that names a person: their id as a word of its own, their name, their e-mail
 * address. Text, large text and bytes (stored variables, comments, deployments) are all read as text.
 */
final class AllTables {

    private AllTables() {
    }

    /** The places where the person still appears, as "TABLE.COLUMN = value". */
    static List<String> find(DataSource dataSource, String id, String name, String email) {
        List<Pattern> patterns = List.of(
            Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(id) + "(?![A-Za-z0-9])", Pattern.CASE_INSENSITIVE),
            Pattern.compile(Pattern.quote(name), Pattern.CASE_INSENSITIVE),
            Pattern.compile(Pattern.quote(email), Pattern.CASE_INSENSITIVE));
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : tables(connection)) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("select * from \"" + table + "\"")) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            String value = text(rows.getObject(column));
                            if (value != null && patterns.stream().anyMatch(p -> p.matcher(value).find())) {
                                found.add(table + "." + columns.getColumnName(column) + " = " + shorten(value));
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** How many tables the scan reads: the proof that it reads the engine's too. */
    static List<String> tables(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return tables(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet result = metaData.getTables(connection.getCatalog(), connection.getSchema(), "%",
            new String[] {"TABLE"})) {
            while (result.next()) {
                tables.add(result.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    private static String text(Object value) throws SQLException {
        try {
            if (value instanceof byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            if (value instanceof Blob blob) {
                try (InputStream in = blob.getBinaryStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            if (value instanceof Clob clob) {
                try (Reader reader = clob.getCharacterStream()) {
                    StringBuilder text = new StringBuilder();
                    char[] buffer = new char[8192];
                    for (int n; (n = reader.read(buffer)) > 0; ) {
                        text.append(buffer, 0, n);
                    }
                    return text.toString();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return value instanceof String text ? text : null;
    }

    private static String shorten(String value) {
        String oneLine = value.replace('\n', ' ');
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 160) + "…";
    }
}
