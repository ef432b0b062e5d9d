package org.example.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.example.shapes.geometry.Point;
import org.junit.jupiter.api.Test;

class CircleTest {
    private static final double EPS = 1e-9;

    @Test
    void areaAndPerimeter() {
        Circle c = Circle.ofRadius(2.0);
        assertEquals(4 * Math.PI, c.area(), EPS);
        assertEquals(4 * Math.PI, c.perimeter(), EPS);
    }

    @Test
    void negativeRadiusIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Circle.ofRadius(-1));
    }

    @Test
    void boundsIsTheEnclosingSquare() {
        Rectangle box = new Circle(new Point(1, 1), 1).bounds();
        assertEquals(new Point(0, 0), box.corner());
        assertTrue(box.isSquare());
        assertEquals(2.0, box.width(), EPS);
    }

    @Test
    void containsPointsOnTheOutline() {
        Circle c = Circle.ofRadius(1);
        assertTrue(c.contains(new Point(1, 0)));
        assertFalse(c.contains(new Point(1, 1)));
    }

    @Test
    void movedKeepsRadius() {
        Circle c = Circle.ofRadius(3).moved(2, -1);
        assertEquals(new Point(2, -1), c.center());
        assertEquals(3.0, c.radius(), EPS);
    }

    @Test
    void equalAreaCircleOfUnitSquare() {
        Circle c = ShapeUtils.equalAreaCircle(new Rectangle(Point.ORIGIN, 1, 1));
        assertEquals(1.0, c.area(), EPS);
        assertEquals(1.0, ShapeUtils.totalArea(List.of(c)), EPS);
    }
}
