package dev.vigil.appliance;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Lets SQLite serve as the metadata database under Micronaut's transaction manager: a JDBC driver for
 * {@code jdbc:vigil-sqlite:<file>} that opens {@code jdbc:sqlite:<file>} with the SQLite driver.
 *
 * <p>Micronaut marks read-only transactions with {@link Connection#setReadOnly}; the SQLite driver refuses to change
 * that flag on an open connection. The flag is only an optimisation hint, so connections from this driver ignore it;
 * everything else is SQLite's own behaviour.
 */
public final class SqliteDriver implements Driver {

    static final String PREFIX = "jdbc:vigil-sqlite:";

    private final Driver sqlite = new org.sqlite.JDBC();

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection connection = sqlite.connect("jdbc:sqlite:" + url.substring(PREFIX.length()), info);
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

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return sqlite.getPropertyInfo("jdbc:sqlite:" + url.substring(PREFIX.length()), info);
    }

    @Override
    public int getMajorVersion() {
        return sqlite.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return sqlite.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return sqlite.getParentLogger();
    }
}
