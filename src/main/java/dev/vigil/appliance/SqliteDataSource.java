package dev.vigil.appliance;

import org.sqlite.SQLiteDataSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Lets SQLite serve as the metadata database under Micronaut's transaction manager.
 *
 * <p>Micronaut marks read-only transactions with {@link Connection#setReadOnly}; the SQLite driver refuses to change
 * that flag on an open connection. The flag is only an optimisation hint, so the connections this data source hands
 * to the pool ignore it. Configured as Hikari's {@code dataSourceClassName} when {@code --database sqlite} is chosen.
 */
public class SqliteDataSource implements javax.sql.DataSource {

    private final SQLiteDataSource sqlite = new SQLiteDataSource();

    /** Set by the pool from {@code data-source-properties.url}. */
    public void setUrl(String url) {
        sqlite.setUrl(url);
    }

    public String getUrl() {
        return sqlite.getUrl();
    }

    @Override
    public java.io.PrintWriter getLogWriter() throws SQLException {
        return sqlite.getLogWriter();
    }

    @Override
    public void setLogWriter(java.io.PrintWriter out) throws SQLException {
        sqlite.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        sqlite.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return sqlite.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws java.sql.SQLFeatureNotSupportedException {
        return sqlite.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return sqlite.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return sqlite.isWrapperFor(type);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return ignoringReadOnly(sqlite.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return ignoringReadOnly(sqlite.getConnection(username, password));
    }

    private static Connection ignoringReadOnly(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setReadOnly")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
