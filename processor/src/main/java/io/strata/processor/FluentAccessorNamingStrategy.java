package io.strata.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import org.mapstruct.ap.spi.DefaultAccessorNamingStrategy;

/**
 * How MapStruct finds properties in Strata: the domain's fluent accessors ({@code user.email()}) are
 * properties, so mappers name no source in strings and a renamed accessor fails the build.
 *
 * <p>In a class, a property is a field together with the method that reads it: {@code email()} as the
 * domain writes it, or {@code getEmail()} / {@code isEmailVerified()} as the JPA entities do. A method
 * without a field of its name is behaviour, not state ({@code User.fullName()}, {@code User.isActive()},
 * {@code AggregateRoot.pullEvents()}): MapStruct neither calls it on its own nor reports it as an
 * unmapped source. Records, interfaces and enums keep MapStruct's own rules (records: their components).
 *
 * <p>A one-argument method returning its own type is not a setter here: in this code base such
 * methods are withers returning a changed copy ({@code Tags.plus(...)}, {@code AuditStamp.touchedAt(...)}),
 * and nothing is built through a builder.
 */
public final class FluentAccessorNamingStrategy extends DefaultAccessorNamingStrategy {

    @Override
    public boolean isGetterMethod(ExecutableElement method) {
        if (!declaredInAClass(method)) {
            return super.isGetterMethod(method);
        }
        return method.getParameters().isEmpty()
                && method.getReturnType().getKind() != TypeKind.VOID
                && fieldBackedPropertyName(method) != null;
    }

    @Override
    public String getPropertyName(ExecutableElement getterOrSetterMethod) {
        if (declaredInAClass(getterOrSetterMethod)
                && getterOrSetterMethod.getParameters().isEmpty()) {
            String property = fieldBackedPropertyName(getterOrSetterMethod);
            if (property != null) {
                return property;
            }
        }
        return super.getPropertyName(getterOrSetterMethod);
    }

    @Override
    protected boolean isFluentSetter(ExecutableElement method) {
        return false;
    }

    /** {@code email} for {@code email()} or {@code getEmail()} when the class has a field {@code email}; else null. */
    private String fieldBackedPropertyName(ExecutableElement method) {
        String name = method.getSimpleName().toString();
        if (hasInstanceField(method.getEnclosingElement(), name)) {
            return name;
        }
        if (super.isGetterMethod(method)) {
            String beanName = super.getPropertyName(method);
            if (hasInstanceField(method.getEnclosingElement(), beanName)) {
                return beanName;
            }
        }
        return null;
    }

    private static boolean declaredInAClass(ExecutableElement method) {
        return method.getEnclosingElement().getKind() == ElementKind.CLASS;
    }

    private static boolean hasInstanceField(Element type, String name) {
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            if (!field.getModifiers().contains(Modifier.STATIC)
                    && field.getSimpleName().contentEquals(name)) {
                return true;
            }
        }
        return false;
    }
}
