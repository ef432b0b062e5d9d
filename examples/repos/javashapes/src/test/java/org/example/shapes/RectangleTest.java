package org.example.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.example.shapes.geometry.Point;
import org.junit.jupiter.api.Test;

class RectangleTest {
    private static final double EPS = 1e-9;

    @Test
    void spanningNormalizesCorners() {
        Rectangle r = Rectangle.spanning(new Point(4, 5), new Point(1, 1));
        assertEquals(new Point(1, 1), r.corner());
        assertEquals(3.0, r.width(), EPS);
        assertEquals(4.0, r.height(), EPS);
        assertEquals(12.0, r.area(), EPS);
        assertEquals(14.0, r.perimeter(), EPS);
    }

    @Test
    void unionCoversBoth() {
        Rectangle a = new Rectangle(Point.ORIGIN, 1, 1);
        Rectangle b = new Rectangle(new Point(2, 3), 1, 1);
        Rectangle u = a.union(b);
        assertEquals(Point.ORIGIN, u.corner());
        assertEquals(new Point(3, 4), u.opposite());
    }

    @Test
    void boundsOfRectangleIsItself() {
        Rectangle r = new Rectangle(new Point(1, 2), 3, 4);
        assertSame(r, r.bounds());
        assertTrue(r.contains(r.center()));
    }

    @Test
    void normalizeMovesCommonBoundsToOrigin() {
        List<Shape> shapes = List.of(
                new Rectangle(new Point(5, 5), 2, 2),
                new Circle(new Point(10, 6), 1));
        List<Shape> moved = ShapeUtils.normalize(shapes);
        Rectangle box = ShapeUtils.commonBounds(moved).orElseThrow();
        assertEquals(Point.ORIGIN, box.corner());
        assertSame(shapes.get(0), ShapeUtils.largest(shapes).orElseThrow());
    }
}
