package org.example.shapes;

import org.example.shapes.geometry.Point;

/** An axis-aligned rectangle given by its lower-left corner, width and height. */
public final class Rectangle implements Shape {
    private final Point corner;
    private final double width;
    private final double height;

    public Rectangle(Point corner, double width, double height) {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("width and height must be >= 0");
        }
        this.corner = corner;
        this.width = width;
        this.height = height;
    }

    /** The smallest rectangle holding both points, whatever their order. */
    public static Rectangle spanning(Point a, Point b) {
        Point lo = Point.min(a, b);
        Point hi = Point.max(a, b);
        return new Rectangle(lo, hi.x() - lo.x(), hi.y() - lo.y());
    }

    public Point corner() {
        return corner;
    }

    public Point opposite() {
        return corner.translate(width, height);
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public boolean isSquare() {
        return Double.compare(width, height) == 0;
    }

    @Override
    public double area() {
        return width * height;
    }

    @Override
    public double perimeter() {
        return 2 * (width + height);
    }

    @Override
    public Point center() {
        return corner.translate(width / 2, height / 2);
    }

    @Override
    public Rectangle bounds() {
        return this;
    }

    @Override
    public Rectangle moved(double dx, double dy) {
        return new Rectangle(corner.translate(dx, dy), width, height);
    }

    @Override
    public boolean contains(Point p) {
        Point hi = opposite();
        return p.x() >= corner.x() && p.x() <= hi.x() && p.y() >= corner.y() && p.y() <= hi.y();
    }

    /** Smallest rectangle that covers both this and other. */
    public Rectangle union(Rectangle other) {
        return spanning(Point.min(corner, other.corner), Point.max(opposite(), other.opposite()));
    }

    @Override
    public String toString() {
        return "Rectangle[" + corner + ", " + width + "x" + height + "]";
    }
}
