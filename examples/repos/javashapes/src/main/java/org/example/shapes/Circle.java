package org.example.shapes;

import org.example.shapes.geometry.Point;

/** A circle given by its center and radius. */
public final class Circle implements Shape {
    private final Point center;
    private final double radius;

    public Circle(Point center, double radius) {
        if (radius < 0 || Double.isNaN(radius)) {
            throw new IllegalArgumentException("radius must be >= 0, got " + radius);
        }
        this.center = center;
        this.radius = radius;
    }

    /** Convenience for circles at the origin. */
    public static Circle ofRadius(double radius) {
        return new Circle(Point.ORIGIN, radius);
    }

    public double radius() {
        return radius;
    }

    @Override
    public double area() {
        return Math.PI * radius * radius;
    }

    @Override
    public double perimeter() {
        return 2 * Math.PI * radius;
    }

    @Override
    public Point center() {
        return center;
    }

    @Override
    public Rectangle bounds() {
        Point corner = center.translate(-radius, -radius);
        return new Rectangle(corner, 2 * radius, 2 * radius);
    }

    @Override
    public Circle moved(double dx, double dy) {
        return new Circle(center.translate(dx, dy), radius);
    }

    @Override
    public boolean contains(Point p) {
        // A tiny tolerance keeps points computed on the outline "inside".
        return center.distanceTo(p) <= radius + 1e-9;
    }

    @Override
    public String toString() {
        return "Circle[center=" + center + ", r=" + radius + "]";
    }
}
