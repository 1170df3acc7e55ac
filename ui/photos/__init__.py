"""Photos: import files, drag and drop, the camera where one exists, thumbnails."""
