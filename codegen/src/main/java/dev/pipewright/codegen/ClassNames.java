package dev.pipewright.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Map;

/** The JDK types the generated sources use most. */
final class ClassNames {
    static final ClassName STRING = ClassName.get(String.class);
    static final ClassName LIST = ClassName.get(List.class);
    static final ClassName MAP = ClassName.get(Map.class);
    static final TypeName STRING_LIST = ParameterizedTypeName.get(LIST, STRING);

    private ClassNames() {}
}
