package dev.vigil.appliance;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Lets SQLite serve as the metadata database under Micronaut's transaction manager.
 *
 * <p>Micronaut marks read-only transactions with {@link Connection#setReadOnly}; the SQLite driver refuses to change
 * that flag on an open connection. The flag is only an optimisation hint, so for SQLite data sources this listener
 * hands out connections on which {@code setReadOnly} does nothing. Other databases are untouched.
 */
@Singleton
public class SqliteReadOnlyHint implements BeanCreatedEventListener<DataSource> {

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        try (Connection probe = dataSource.getConnection()) {
            if (!probe.getMetaData().getURL().startsWith("jdbc:sqlite:")) {
                return dataSource;
            }
        } catch (SQLException e) {
            return dataSource; // the pool reports its own errors when it is used
        }
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                ignoringReadOnly(dataSource));
    }

    private static InvocationHandler ignoringReadOnly(DataSource target) {
        return (proxy, m, args) -> {
            Object result = invoke(target, m, args);
            if (m.getName().equals("getConnection") && result instanceof Connection connection) {
                return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                        (p, cm, cargs) -> cm.getName().equals("setReadOnly") ? null : invoke(connection, cm, cargs));
            }
            return result;
        };
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
