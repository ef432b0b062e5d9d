package org.example.shapes;

import org.example.shapes.geometry.Point;

/**
 * Common behaviour of all shapes.
 *
 * <p>Implementations are immutable value objects: {@link #moved} returns a
 * new shape rather than changing this one.
 */
public interface Shape {

    /** Area in square units; never negative. */
    double area();

    /** Length of the outline. */
    double perimeter();

    /** A point inside the shape used as its anchor when moving. */
    Point center();

    /** Axis-aligned bounding box as a rectangle. */
    Rectangle bounds();

    /** A copy of this shape translated by (dx, dy). */
    Shape moved(double dx, double dy);

    /** Whether the point lies inside or on the outline. */
    boolean contains(Point p);

    /** Human-readable name, e.g. "circle"; used in reports. */
    default String kind() {
        return getClass().getSimpleName().toLowerCase();
    }
}
