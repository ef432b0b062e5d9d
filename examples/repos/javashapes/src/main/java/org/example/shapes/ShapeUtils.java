package org.example.shapes;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.example.shapes.geometry.Point;

/** Aggregate operations over collections of shapes. */
public final class ShapeUtils {

    private ShapeUtils() {
        // static helpers only
    }

    /** Sum of areas; overlapping shapes are counted twice on purpose. */
    public static double totalArea(Collection<? extends Shape> shapes) {
        return shapes.stream().mapToDouble(Shape::area).sum();
    }

    public static Optional<Shape> largest(Collection<? extends Shape> shapes) {
        return shapes.stream()
                .map(s -> (Shape) s)
                .max(Comparator.comparingDouble(Shape::area));
    }

    /** Bounding box of all shapes, or empty for an empty collection. */
    public static Optional<Rectangle> commonBounds(Collection<? extends Shape> shapes) {
        return shapes.stream().map(Shape::bounds).reduce(Rectangle::union);
    }

    /** Shapes whose outline contains the given point. */
    public static List<Shape> hitTest(Collection<? extends Shape> shapes, Point p) {
        return shapes.stream().filter(s -> s.contains(p)).collect(Collectors.toList());
    }

    /** Move every shape so that the common bounds start at the origin. */
    public static List<Shape> normalize(List<? extends Shape> shapes) {
        Optional<Rectangle> box = commonBounds(shapes);
        if (box.isEmpty()) {
            return List.of();
        }
        Point corner = box.get().corner();
        return shapes.stream()
                .map(s -> s.moved(-corner.x(), -corner.y()))
                .collect(Collectors.toList());
    }

    /** Circle with the same area as the shape, centered on it. */
    public static Circle equalAreaCircle(Shape shape) {
        return new Circle(shape.center(), Math.sqrt(shape.area() / Math.PI));
    }
}
