package org.safereg.system;

import java.lang.reflect.Constructor;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.ibatis.reflection.factory.DefaultObjectFactory;

/**
 * Makes the rows MyBatis maps by constructor. SafeReg's row records are package-private, as their features
 * are, and MyBatis's own factory looks the constructor up anew for every row, fails the access check with an
 * exception (stack trace and all) and only then makes it accessible: a province plan threw one away for each
 * of its 100,000 enterprises and each of its focus rows, a sixth of all it allocated. Here a type's
 * constructor is looked up and made accessible once. Whatever this factory cannot make (no such constructor,
 * a constructor that refuses its values) goes to MyBatis's, which fails with its usual message.
 */
final class RowFactory extends DefaultObjectFactory {

    private final ConcurrentMap<Signature, Constructor<?>> constructors = new ConcurrentHashMap<>();

    @Override
    public <T> T create(Class<T> type, List<Class<?>> argTypes, List<Object> args) {
        Class<?> made = resolveInterface(type);
        List<Class<?>> types = argTypes == null ? List.of() : argTypes;
        Constructor<?> constructor = constructors.get(new Signature(made, types));
        if (constructor == null) {
            constructor = accessible(made, types);
            if (constructor == null) {
                return super.create(type, argTypes, args);
            }
            constructors.putIfAbsent(new Signature(made, List.copyOf(types)), constructor);
        }
        try {
            return type.cast(constructor.newInstance(args == null ? new Object[0] : args.toArray()));
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            return super.create(type, argTypes, args);
        }
    }

    private static Constructor<?> accessible(Class<?> type, List<Class<?>> argTypes) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(argTypes.toArray(new Class<?>[0]));
            constructor.setAccessible(true);
            return constructor;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private record Signature(Class<?> type, List<Class<?>> argTypes) {}
}
