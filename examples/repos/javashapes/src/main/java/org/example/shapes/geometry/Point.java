package org.example.shapes.geometry;

import java.util.Objects;

/**
 * An immutable point in the plane.
 *
 * <p>Shapes never mutate their points; moving a shape returns a new one, so
 * points can be shared freely between shapes.
 */
public final class Point {
    /** The origin, shared because it is used as a default everywhere. */
    public static final Point ORIGIN = new Point(0.0, 0.0);

    private final double x;
    private final double y;

    public Point(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            throw new IllegalArgumentException("coordinates must not be NaN");
        }
        this.x = x;
        this.y = y;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    /** Euclidean distance; Math.hypot avoids overflow for large coordinates. */
    public double distanceTo(Point other) {
        return Math.hypot(other.x - x, other.y - y);
    }

    public Point translate(double dx, double dy) {
        return new Point(x + dx, y + dy);
    }

    public static Point min(Point a, Point b) {
        return new Point(Math.min(a.x, b.x), Math.min(a.y, b.y));
    }

    public static Point max(Point a, Point b) {
        return new Point(Math.max(a.x, b.x), Math.max(a.y, b.y));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Point)) {
            return false;
        }
        Point p = (Point) o;
        return Double.compare(x, p.x) == 0 && Double.compare(y, p.y) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(x, y);
    }

    @Override
    public String toString() {
        return "(" + x + ", " + y + ")";
    }
}
