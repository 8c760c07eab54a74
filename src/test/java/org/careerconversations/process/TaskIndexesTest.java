package org.careerconversations.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.careerconversations.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's task table gets an index on its parent task column (H2 here, PostgreSQL too). */
public class TaskIndexesTest extends AppTest {

    @Autowired
    DataSource dataSource;

    @Test
    void parentTaskColumnIsIndexed() throws SQLException {
        assertThat(indexedColumns(dataSource, "ACT_RU_TASK")).contains("PARENT_TASK_ID_");
    }

    /** The columns that lead an index of the table, upper case, on H2 (upper case names) or PostgreSQL (lower). */
    public static List<String> indexedColumns(DataSource dataSource, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String name : List.of(table.toUpperCase(), table.toLowerCase())) {
                try (ResultSet indexes = meta.getIndexInfo(null, null, name, false, false)) {
                    while (indexes.next()) {
                        if (indexes.getShort("ORDINAL_POSITION") == 1 && indexes.getString("COLUMN_NAME") != null) {
                            columns.add(indexes.getString("COLUMN_NAME").toUpperCase());
                        }
                    }
                }
            }
        }
        return columns;
    }
}
