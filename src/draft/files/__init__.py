"""Files on disk: reading only regular files, writing atomically inside the user's folder, naming outputs."""
