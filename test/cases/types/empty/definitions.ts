// No objects at all: the file still declares DB and Functions.
export {};
