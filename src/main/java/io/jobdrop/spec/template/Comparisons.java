package io.jobdrop.spec.template;

import io.jobdrop.spec.go.GoStringOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** eq, ne, lt, le, gt and ge (funcs.go): only basic kinds compare, and int never equals float64 or string. */
final class Comparisons {

    private enum Kind { INVALID, BOOL, COMPLEX, INT, FLOAT, STRING, UINT }

    private Comparisons() {
    }

    private static Kind kind(Object v) {
        if (v instanceof Boolean) {
            return Kind.BOOL;
        }
        if (v instanceof Long) {
            return Kind.INT;
        }
        if (v instanceof GoUint8) {
            return Kind.UINT;
        }
        if (v instanceof Double) {
            return Kind.FLOAT;
        }
        if (v instanceof GoComplex) {
            return Kind.COMPLEX;
        }
        if (v instanceof String) {
            return Kind.STRING;
        }
        return Kind.INVALID;
    }

    private static long signed(Object v) {
        return (Long) v;
    }

    private static long unsigned(Object v) {
        return ((GoUint8) v).value();
    }

    /** eq: whether the first argument equals any of the others. */
    static boolean eq(Object arg1, List<Object> others) throws CallError {
        if (others.isEmpty()) {
            throw new CallError("missing argument for comparison");
        }
        Kind k1 = kind(arg1);
        for (Object arg : others) {
            Kind k2 = kind(arg);
            boolean truth;
            if (k1 != k2) {
                if (k1 == Kind.INT && k2 == Kind.UINT) {
                    truth = signed(arg1) >= 0 && signed(arg1) == unsigned(arg);
                } else if (k1 == Kind.UINT && k2 == Kind.INT) {
                    truth = signed(arg) >= 0 && unsigned(arg1) == signed(arg);
                } else if (arg1 != null && arg != null) {
                    throw new CallError("incompatible types for comparison: "
                            + GoValues.typeName(arg1) + " and " + GoValues.typeName(arg));
                } else {
                    truth = false;
                }
            } else {
                truth = switch (k1) {
                    case BOOL, INT, STRING, UINT, COMPLEX -> arg1.equals(arg);
                    case FLOAT -> (double) (Double) arg1 == (Double) arg;
                    case INVALID -> invalidKindEqual(arg1, arg);
                };
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    /** nil, maps and slices: only nil compares; maps and slices are not comparable in Go. */
    private static boolean invalidKindEqual(Object arg1, Object arg) throws CallError {
        if (!sameGoKind(arg1, arg)) {
            throw new CallError(GoFormat.sprintf("non-comparable types %s: %v, %s: %v",
                    List.of(arg1, GoValues.typeName(arg1), GoValues.typeName(arg), arg)));
        }
        if (arg1 == null || arg == null) {
            return arg1 == null && arg == null;
        }
        throw new CallError(GoFormat.sprintf("non-comparable type %s: %v", List.of(arg, GoValues.typeName(arg))));
    }

    private static boolean sameGoKind(Object a, Object b) {
        if (a == null || b == null) {
            return true;
        }
        return (a instanceof Map && b instanceof Map) || (a instanceof List && b instanceof List);
    }

    static boolean lt(Object arg1, Object arg2) throws CallError {
        Kind k1 = kind(arg1);
        Kind k2 = kind(arg2);
        if (k1 == Kind.INVALID || k2 == Kind.INVALID) {
            throw new CallError("invalid type for comparison");
        }
        if (k1 != k2) {
            if (k1 == Kind.INT && k2 == Kind.UINT) {
                return signed(arg1) < 0 || signed(arg1) < unsigned(arg2);
            }
            if (k1 == Kind.UINT && k2 == Kind.INT) {
                return signed(arg2) >= 0 && unsigned(arg1) < signed(arg2);
            }
            throw new CallError("incompatible types for comparison: "
                    + GoValues.typeName(arg1) + " and " + GoValues.typeName(arg2));
        }
        return switch (k1) {
            case FLOAT -> (Double) arg1 < (Double) arg2;
            case INT -> signed(arg1) < signed(arg2);
            case UINT -> unsigned(arg1) < unsigned(arg2);
            case STRING -> GoStringOrder.compare((String) arg1, (String) arg2) < 0;
            default -> throw new CallError("invalid type for comparison");
        };
    }

    static boolean le(Object arg1, Object arg2) throws CallError {
        return lt(arg1, arg2) || eq(arg1, singleton(arg2));
    }

    static boolean gt(Object arg1, Object arg2) throws CallError {
        return !le(arg1, arg2);
    }

    static boolean ge(Object arg1, Object arg2) throws CallError {
        return !lt(arg1, arg2);
    }

    static boolean ne(Object arg1, Object arg2) throws CallError {
        return !eq(arg1, singleton(arg2));
    }

    static List<Object> singleton(Object v) {
        List<Object> list = new ArrayList<>(1);
        list.add(v);
        return list;
    }
}
