"""Video and audio: yt-dlp as Tiffin configures it, downloads and the media library."""
