module github.com/example/gokv

go 1.21
